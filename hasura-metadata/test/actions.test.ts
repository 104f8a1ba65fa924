import { describe, expect, test } from 'vitest';
import { checkMetadataDirectory, MetadataLoadError, readMetadataDirectory } from '../src/index.ts';
import { MINIMAL_METADATA, scratchDirectory, writeFiles } from '@portal/test-support';

const SDL = `
type Mutation {
  """Signs a user in"""
  login(input: LoginInput!): LoginOutput
}

type Query {
  orderStatus(orderIds: [uuid!]!): [OrderStatus!]!
}

input LoginInput {
  email: String!
  password: String!
}

type LoginOutput {
  "Short-lived access token"
  accessToken: String!
}

type OrderStatus {
  id: uuid!
  status: String!
}

scalar uuid

enum Language {
  en_US
  zh_CN
}
`;

const YAML = `actions:
  - name: login
    definition:
      kind: synchronous
      handler: '{{ACTION_BASE_URL}}/login'
      forward_client_headers: true
      timeout: 10
    permissions:
      - role: anonymous
    comment: Sign in
  - name: orderStatus
    definition:
      handler: '{{ACTION_BASE_URL}}/order-status'
custom_types:
  enums: []
  input_objects:
    - name: LoginInput
  objects:
    - name: LoginOutput
      description: What login returns
    - name: OrderStatus
  scalars:
    - name: uuid
`;

function metadataWith(files: Record<string, string>): string {
  const dir = scratchDirectory();
  writeFiles(dir, { ...MINIMAL_METADATA, 'actions.graphql': SDL, 'actions.yaml': YAML, ...files });
  return dir;
}

function loadError(dir: string): MetadataLoadError {
  try {
    readMetadataDirectory(dir);
  } catch (error) {
    if (error instanceof MetadataLoadError) return error;
    throw error;
  }
  throw new Error('expected the metadata to be refused');
}

describe('actions.graphql + actions.yaml', () => {
  test('are merged into actions and custom_types as the CLI builds them', () => {
    const { json } = readMetadataDirectory(metadataWith({}));
    expect(json.actions).toEqual([
      {
        name: 'login',
        definition: {
          kind: 'synchronous',
          type: 'mutation',
          handler: '{{ACTION_BASE_URL}}/login',
          arguments: [{ name: 'input', type: 'LoginInput!' }],
          output_type: 'LoginOutput',
          forward_client_headers: true,
          timeout: 10,
        },
        permissions: [{ role: 'anonymous' }],
        comment: 'Sign in',
      },
      {
        name: 'orderStatus',
        definition: {
          type: 'query',
          handler: '{{ACTION_BASE_URL}}/order-status',
          arguments: [{ name: 'orderIds', type: '[uuid!]!' }],
          output_type: '[OrderStatus!]!',
        },
      },
    ]);
    expect(json.custom_types).toEqual({
      enums: [{ name: 'Language', values: [{ value: 'en_US' }, { value: 'zh_CN' }] }],
      input_objects: [{ name: 'LoginInput', fields: [{ name: 'email', type: 'String!' }, { name: 'password', type: 'String!' }] }],
      objects: [
        {
          name: 'LoginOutput',
          description: 'What login returns',
          fields: [{ name: 'accessToken', type: 'String!', description: 'Short-lived access token' }],
        },
        { name: 'OrderStatus', fields: [{ name: 'id', type: 'uuid!' }, { name: 'status', type: 'String!' }] },
      ],
      scalars: [{ name: 'uuid' }],
    });
  });

  test('the assembled actions validate against the schema', () => {
    expect(checkMetadataDirectory(metadataWith({})).violations).toEqual([]);
  });

  test('a query action with a kind is refused at its line in actions.yaml: Hasura’s schema gives only mutations one', () => {
    for (const kind of ['synchronous', 'asynchronous']) {
      const yaml = YAML.replace("      handler: '{{ACTION_BASE_URL}}/order-status'", `      kind: ${kind}\n      handler: '{{ACTION_BASE_URL}}/order-status'`);
      const [violation, ...others] = checkMetadataDirectory(metadataWith({ 'actions.yaml': yaml })).violations;
      expect(others).toEqual([]);
      expect(violation).toMatchObject({ file: 'actions.yaml', path: ['actions', 1, 'definition', 'kind'], line: yaml.split('\n').lastIndexOf(`      kind: ${kind}`) + 1 });
      expect(violation!.message).toMatch(/^unknown key "kind"; allowed here: arguments, forward_client_headers, handler, /);
    }
  });

  test('the empty kind that `hasura metadata export` writes for a query action counts as none', () => {
    const yaml = YAML.replace("      handler: '{{ACTION_BASE_URL}}/order-status'", `      kind: ""\n      handler: '{{ACTION_BASE_URL}}/order-status'`);
    const dir = metadataWith({ 'actions.yaml': yaml });
    expect(checkMetadataDirectory(dir).violations).toEqual([]);
    expect((readMetadataDirectory(dir).json.actions as { definition: object }[])[1]!.definition).not.toHaveProperty('kind');
  });

  test('an action in actions.yaml that actions.graphql lacks is an error naming actions.yaml', () => {
    const yaml = YAML.replace('actions:\n', 'actions:\n  - name: logout\n    definition:\n      handler: http://localhost:3000/logout\n');
    const error = loadError(metadataWith({ 'actions.yaml': yaml }));
    expect(error.location).toEqual({ file: 'actions.yaml', path: ['actions', 0, 'name'] });
    expect(error.message).toContain('action logout is not present in actions.graphql');
  });

  test('a custom type in actions.yaml that actions.graphql lacks is an error', () => {
    const yaml = YAML.replace('  scalars:\n    - name: uuid\n', '  scalars:\n    - name: uuid\n    - name: timestamptz\n');
    const error = loadError(metadataWith({ 'actions.yaml': yaml }));
    expect(error.message).toContain('custom type timestamptz is not present in actions.graphql');
  });

  test('an action in actions.graphql without settings in actions.yaml is an error naming its line', () => {
    const sdl = `${SDL}\nextend type Mutation {\n  logout: Boolean\n}\n`;
    const error = loadError(metadataWith({ 'actions.graphql': sdl }));
    expect(error.location).toMatchObject({ file: 'actions.graphql', path: ['Mutation', 'logout'] });
    expect(error.location.line).toBe(sdl.split('\n').indexOf('  logout: Boolean') + 1);
  });

  test('a misspelt key in actions.yaml is refused rather than dropped', () => {
    const yaml = YAML.replace("handler: '{{ACTION_BASE_URL}}/order-status'", "handlr: '{{ACTION_BASE_URL}}/order-status'");
    expect(loadError(metadataWith({ 'actions.yaml': yaml })).location).toEqual({
      file: 'actions.yaml',
      path: ['actions', 1, 'definition', 'handlr'],
    });
  });

  test('schema violations inside an action point into actions.yaml', () => {
    const yaml = YAML.replace('timeout: 10', 'timeout: ten');
    const result = checkMetadataDirectory(metadataWith({ 'actions.yaml': yaml }));
    expect(result.violations).toEqual([
      expect.objectContaining({ file: 'actions.yaml', path: ['actions', 0, 'definition', 'timeout'], message: 'must be number' }),
    ]);
  });

  test('unsupported SDL (an interface) is refused by name', () => {
    const error = loadError(metadataWith({ 'actions.graphql': `${SDL}\ninterface Node { id: uuid! }\n` }));
    expect(error.location).toMatchObject({ file: 'actions.graphql', path: ['Node'] });
  });
});
