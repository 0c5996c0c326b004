// Required fields said to assistive technology, not only drawn: react-admin marks a field
// whose validators include required() with an aria-hidden "*" in its label (FieldTitle) and
// sets nothing on the control. This marks the control the label names (its `for`, the input
// it holds, or the select that the label's id names) aria-required, on every form the panel shows, as forms
// and dialogs appear — one place instead of a prop on each of the panel's inputs.
import { useEffect } from "react";

/** Marks, under `root`, each control whose label carries react-admin's required mark. */
export function markRequiredControls(root: ParentNode): void {
  for (const mark of root.querySelectorAll('label span[aria-hidden="true"]')) {
    if (mark.textContent?.trim() !== "*") continue;
    const label = mark.closest("label");
    if (!label) continue;
    const controls: Element[] = [];
    if (label.htmlFor) {
      const control = document.getElementById(label.htmlFor);
      if (control) controls.push(control);
    }
    // A checkbox's label holds its input (MUI's FormControlLabel).
    const inner = label.querySelector("input");
    if (inner) controls.push(inner);
    if (label.id)
      controls.push(...root.querySelectorAll(`[aria-labelledby~="${CSS.escape(label.id)}"]`));
    for (const control of controls)
      if (control.getAttribute("aria-required") !== "true")
        control.setAttribute("aria-required", "true");
  }
}

/** Keeps the page's required fields marked while React renders forms and dialogs. */
export function useAriaRequired(): void {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      markRequiredControls(document);
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(mark);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    mark();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
