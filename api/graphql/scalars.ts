import { GraphQLError, Kind, type ValueNode } from "graphql";
import type { SchemaBuilderType } from "./builder.js";

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`${scalar} must be a string`);
  return ast.value;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(value))) {
    throw new GraphQLError("DateTime must be an ISO 8601 date and time, e.g. 2026-11-25T09:30:00Z");
  }
  return date;
}

function parseDate(value: unknown): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new GraphQLError("Date must read YYYY-MM-DD (Gregorian)");
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError("Date is not a real calendar day");
  }
  return date;
}

function parseDecimal(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d{1,12}(\.\d{1,2})?$/.test(text)) {
    throw new GraphQLError('Decimal must be a number with at most 2 decimals, e.g. "2500.50"');
  }
  return text;
}

/** Money out: always two decimals, whatever the stored scale ("4500" → "4500.00"). */
export function serializeMoney(value: unknown): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new GraphQLError(`Decimal cannot serialise ${text}`);
  const [whole, fraction = ""] = text.split(".");
  // Stored with scale 2 (Decimal(12,2)): never more than two decimals to round away.
  return `${whole}.${fraction.padEnd(2, "0").slice(0, 2)}`;
}

/** A multipart part as yoga parses it: a WHATWG File (checked by shape, not by class). */
function parseUpload(value: unknown): File {
  const file = value as Partial<File> | null;
  if (
    !file ||
    typeof file !== "object" ||
    typeof file.arrayBuffer !== "function" ||
    typeof file.size !== "number" ||
    typeof file.name !== "string"
  ) {
    throw new GraphQLError("Upload must be a file part of a GraphQL multipart request");
  }
  return value as File;
}

export function addScalars(builder: SchemaBuilderType) {
  builder.scalarType("Upload", {
    description:
      "A file sent as a part of a GraphQL multipart request (operations, map, then the file). Input only.",
    serialize: () => {
      throw new GraphQLError("Upload is an input-only scalar");
    },
    parseValue: parseUpload,
    parseLiteral: () => {
      throw new GraphQLError("Upload cannot be written inline: send the file as a multipart part");
    },
  });
  builder.scalarType("DateTime", {
    description:
      "A moment in time, ISO 8601 in UTC (e.g. 2026-11-25T09:30:00.000Z). Shown in Asia/Riyadh by clients.",
    serialize: (value) => (value as Date).toISOString(),
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(literalString(ast, "DateTime")),
  });
  builder.scalarType("JSON", {
    description:
      "A JSON value whose shape is free (e.g. the before/after values of an audit entry, whose fields vary by record). Output only.",
    serialize: (value) => value,
    parseValue: () => {
      throw new GraphQLError("JSON is an output-only scalar");
    },
    parseLiteral: () => {
      throw new GraphQLError("JSON is an output-only scalar");
    },
  });
  builder.scalarType("Date", {
    description: "A Gregorian calendar day, YYYY-MM-DD (e.g. a birth date).",
    serialize: (value) => (value as Date).toISOString().slice(0, 10),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(literalString(ast, "Date")),
  });
  builder.scalarType("Decimal", {
    description:
      'An exact amount of money in Saudi riyals (SAR), as a string. Output always has exactly two decimals ("4500.00", "2500.50"); input accepts a number or a string with at most two decimals ("4500", "2500.5", "2500.50").',
    serialize: serializeMoney,
    parseValue: parseDecimal,
    parseLiteral: (ast) =>
      parseDecimal(
        ast.kind === Kind.INT || ast.kind === Kind.FLOAT
          ? ast.value
          : literalString(ast, "Decimal"),
      ),
  });
}
