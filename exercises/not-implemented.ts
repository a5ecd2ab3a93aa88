// A placeholder for a value you have not written yet. Nothing here needs
// editing: in claims.ts you replace each `notImplementedValue(...)` with the
// real value, and then this file is no longer used.
//
// Why a placeholder and not a function that throws? claims.ts exports plain
// values (a Network, an Answers object), and a value cannot throw when it is
// called. So the placeholder is an object that throws the moment anyone looks
// inside it: reading a property, listing its keys or asking `'W1' in it`.
// The module still imports, and each test that uses the value fails on its
// own with "not implemented: <name> — <hint>".

/**
 * An object standing in for the value `name`. Every property access, key
 * listing, `in` check or write throws `Error('not implemented: <name> — <hint>')`.
 */
export function notImplementedValue<T extends object>(name: string, hint: string): T {
  const fail = (): never => {
    throw new Error(`not implemented: ${name} — ${hint}`);
  };
  const handler: ProxyHandler<object> = {
    get: fail,
    set: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    defineProperty: fail,
    deleteProperty: fail,
  };
  return new Proxy({}, handler) as T;
}
