const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID in either case: route parameters are checked before the engine sees them. */
export const isUuid = (value: string): boolean => UUID.test(value);
