import type { ServerResponse } from 'node:http';
import { EngineError, errorBody, graphqlErrorBody } from '../errors/index.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** A finished answer; handlers return one and the server writes it. */
export interface Reply {
  status: number;
  contentType: string;
  body: string;
  /** Close the connection afterwards (the rest of an oversized body is not worth reading). */
  close?: boolean;
}

export const jsonReply = (status: number, body: string): Reply => ({ status, contentType: JSON_TYPE, body });
export const textReply = (status: number, body: string): Reply => ({ status, contentType: TEXT_TYPE, body });

/** An error on `/v1/graphql`: Hasura answers 200 for every error it raises there. */
export function graphqlErrorReply(error: EngineError, status = 200): Reply {
  return jsonReply(status, JSON.stringify(graphqlErrorBody(error)));
}

/** An error on the other APIs: `{path, error, code}` with the error's own status. */
export function apiErrorReply(error: EngineError, status = error.status): Reply {
  return jsonReply(status, JSON.stringify(errorBody(error)));
}

export const NOT_FOUND_BODY = JSON.stringify(errorBody(new EngineError('not-found', 'resource does not exist')));

export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string | number> = {
    ...extraHeaders,
    'content-type': reply.contentType,
    'content-length': Buffer.byteLength(reply.body),
  };
  if (reply.close) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
