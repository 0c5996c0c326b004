// A set of values picked by checkboxes: each toggles its value in or out of the picked list.
import { Checkbox, FormControlLabel, FormGroup } from "@mui/material";

export function CheckboxList<Value extends string>({
  values,
  picked,
  onChange,
  labelOf,
  row,
}: {
  values: readonly Value[];
  picked: readonly Value[];
  onChange: (values: Value[]) => void;
  labelOf: (value: Value) => string;
  row?: boolean;
}) {
  return (
    <FormGroup row={row}>
      {values.map((value) => (
        <FormControlLabel
          key={value}
          label={labelOf(value)}
          control={
            <Checkbox
              checked={picked.includes(value)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...picked, value] : picked.filter((v) => v !== value),
                )
              }
            />
          }
        />
      ))}
    </FormGroup>
  );
}
