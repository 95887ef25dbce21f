/** Errors as Apps Script raises them: name "Exception" and, where known, Sheets' own wording. */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (typeof value === 'object') return 'Object';
  return typeof value === 'string' ? 'String' : typeof value;
}

/** What Apps Script says when arguments do not fit any overload. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return gasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

export function requireInteger(method: string, args: readonly unknown[], ...values: unknown[]): void {
  if (values.some((v) => typeof v !== 'number' || !Number.isInteger(v))) throw signatureError(method, args);
}
