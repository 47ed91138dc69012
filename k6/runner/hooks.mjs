// ESM resolve hook of the k6 shim: maps the k6 modules the scripts use to their Node stand-ins
// in ./modules; any other k6 module (or a remote import) is refused by name.
const MODULES = {
  k6: 'k6.mjs',
  'k6/http': 'http.mjs',
  'k6/metrics': 'metrics.mjs',
  'k6/execution': 'execution.mjs',
};

/** @type {import('node:module').ResolveHook} */
export const resolve = async (specifier, context, next) => {
  const file = MODULES[/** @type {keyof typeof MODULES} */ (specifier)];
  if (file) return { url: new URL(`./modules/${file}`, import.meta.url).href, shortCircuit: true };
  if (specifier.startsWith('k6/') || /^https?:/.test(specifier))
    throw new Error(`the k6 shim does not provide "${specifier}" (see k6/README.md)`);
  return next(specifier, context);
};
