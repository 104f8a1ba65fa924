export { sql, SQL, compileSQL, mapValues, type CompiledSQL } from './sql.ts';
