// Quoting helpers for the few places where SQL text is built (file paths and column names
// cannot be bound as parameters in read_csv / UNPIVOT).
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
