// Command-line options for node:util parseArgs, declared by name: options that take a value,
// flags that do not, and -h / --help on every command.

type Options<V extends string, F extends string> = { [K in V]: { type: 'string' } } & { [K in F]: { type: 'boolean' } } & { help: { type: 'boolean'; short: 'h' } };

export function cliOptions<const V extends string, const F extends string>(withValue: readonly V[], flags: readonly F[]): Options<V, F> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of withValue) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean' };
  return options as Options<V, F>;
}
