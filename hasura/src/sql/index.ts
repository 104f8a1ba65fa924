export { sql, SQL, compileSQL, type CompiledSQL } from './sql.ts';
