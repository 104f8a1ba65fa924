/**
 * A small suite in the layout of Hasura's `server/tests-py/queries` (written for these tests; no
 * fixture of Hasura's is copied into the project).
 */
const QUERY_SETUP = `type: bulk
args:
- type: run_sql
  args:
    sql: |
      create table item (id serial primary key, name text, big bigint);
      insert into item (name, big) values ('one', 10), ('two', 20);
      create function item_shout(i item) returns text as $$ select upper(i.name) $$ language sql stable;
- type: track_table
  args: {schema: public, name: item}
- type: create_select_permission
  args: {table: item, role: reader, permission: {columns: [id, name], filter: {id: {_eq: X-Hasura-Item-Id}}}}
- type: add_computed_field
  args: {table: item, name: shout, definition: {function: item_shout, table_argument: i}}
`;

const SELECT = `description: items in order
url: /v1/graphql
status: 200
response:
  data:
    item:
    - {id: 1, name: one}
    - {id: 2, name: two}
query:
  query: |
    query { item(order_by: {id: asc}) { id name } }
`;

export const FIXTURES: Record<string, string> = {
  'query/setup.yaml': QUERY_SETUP,
  'query/teardown.yaml': 'type: bulk\nargs:\n- type: run_sql\n  args: {sql: drop table item cascade, cascade: true}\n',
  'query/select.yaml': SELECT,
  'query/select_mssql.yaml': SELECT,
  'query/wrong.yaml': SELECT.replace('{id: 1, name: one}', '{id: 1, name: nope}'),
  'query/role.yaml': `- url: /v1/graphql
  status: 200
  headers: {X-Hasura-Role: reader, X-Hasura-Item-Id: 2}
  response: {data: {item: [{name: two}]}}
  query: {query: "query { item { name } }"}
- url: /v1/graphql
  status: 200
  headers: {X-Hasura-Role: reader, X-Hasura-Item-Id: 2}
  response:
    errors:
    - message: anything
  query: {query: "query { item { big } }"}
`,
  'query/run_sql_step.yaml': `- url: /v1/query
  status: 200
  query: {type: run_sql, args: {sql: "select name from item where id = 1"}}
  response: {result_type: TuplesOk, result: [[name], [one]]}
`,
  'query/computed.yaml': `url: /v1/graphql
status: 200
response: {data: {item: [{shout: ONE}, {shout: TWO}]}}
query: {query: "query { item(order_by: {id: asc}) { shout } }"}
`,
  'query/bigint.yaml': `url: /v1/graphql
status: 200
response: {data: {item: [{big: '10'}, {big: '20'}]}}
query: {query: "query { item(order_by: {id: asc}) { big } }"}
`,
  'deep/er/query/setup.yaml': QUERY_SETUP.split('- type: create_select_permission')[0]!,
  'deep/er/query/select.yaml': SELECT,
  'mutation/schema_setup.yaml': `type: bulk
args:
- type: run_sql
  args: {sql: "create table note (id serial primary key, body text)"}
- type: track_table
  args: {table: note}
`,
  'mutation/values_setup.yaml': `type: bulk
args:
- type: insert
  args: {table: note, objects: [{body: first}]}
`,
  'mutation/values_teardown.yaml': `type: bulk
args:
- type: run_sql
  args: {sql: "delete from note; select setval('note_id_seq', 1, false);"}
`,
  'mutation/insert_a.yaml': `url: /v1/graphql
status: 200
response: {data: {insert_note: {returning: [{id: 2, body: a}]}}}
query: {query: "mutation { insert_note(objects: [{body: \\"a\\"}]) { returning { id body } } }"}
`,
  'mutation/insert_b.yaml': `url: /v1/graphql
status: 200
response: {data: {insert_note: {returning: [{id: 2, body: b}]}}}
query: {query: "mutation { insert_note(objects: [{body: \\"b\\"}]) { returning { id body } } }"}
`,
};
