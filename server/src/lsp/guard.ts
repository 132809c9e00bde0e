// Keeps the server up: handlers that throw answer with an error and a log line, cancellation is honoured, stray errors are logged.
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Logger } from './logger';

/** Thrown by {@link throwIfCancelled}; a guarded request turns it into a `RequestCancelled` error. */
export class RequestCancelledError extends Error {
  constructor() {
    super('request cancelled');
    this.name = 'RequestCancelledError';
  }
}

/** Throws when the client cancelled the request: call it in long loops of request handlers. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new RequestCancelledError();
}

/**
 * Wraps a request handler: a cancelled request answers `RequestCancelled` (-32800, as LSP 3.17
 * asks), an exception answers `InternalError` with the message and is logged with its stack. The
 * server keeps serving either way.
 */
export function guardRequest<Params, Result>(
  log: Logger,
  method: string,
  handler: (params: Params, token: CancellationToken) => Result | Promise<Result>,
): (params: Params, token: CancellationToken) => Promise<Result | ResponseError<void>> {
  return async (params, token) => {
    try {
      throwIfCancelled(token);
      const result = await handler(params, token ?? CancellationToken.None);
      throwIfCancelled(token);
      return result;
    } catch (error) {
      if (error instanceof RequestCancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`);
      log.error(`${method} failed`, error);
      return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** {@link guardRequest} for requests without parameters (the handler receives only the token). */
export function guardRequest0<Result>(
  log: Logger,
  method: string,
  handler: (token: CancellationToken) => Result | Promise<Result>,
): (token: CancellationToken) => Promise<Result | ResponseError<void>> {
  const guarded = guardRequest<undefined, Result>(log, method, (_params, token) => handler(token));
  return (token) => guarded(undefined, token);
}

/** Wraps a notification handler: an exception (or a rejected promise) is logged, never rethrown. */
export function guardNotification<Params>(log: Logger, method: string, handler: (params: Params) => void | Promise<void>): (params: Params) => void {
  return (params) => {
    try {
      const outcome = handler(params);
      if (outcome instanceof Promise) outcome.catch((error: unknown) => log.error(`${method} failed`, error));
    } catch (error) {
      log.error(`${method} failed`, error);
    }
  };
}

/**
 * Runs background work (timers, debounced analyses) so that an exception is logged instead of
 * reaching Node's default handler, which would end the process.
 */
export function runGuarded(log: Logger, what: string, work: () => void | Promise<void>): void {
  try {
    const outcome = work();
    if (outcome instanceof Promise) outcome.catch((error: unknown) => log.error(`${what} failed`, error));
  } catch (error) {
    log.error(`${what} failed`, error);
  }
}

/**
 * Last line of defence: exceptions thrown from timers and unhandled promise rejections are logged
 * and the process keeps serving. (V8 fatal errors cannot be caught at all; the crash journal and
 * quarantine handle those.)
 */
export function installProcessSafetyNets(log: Logger): void {
  process.on('uncaughtException', (error) => log.error('uncaught exception (the server keeps running)', error));
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection (the server keeps running)', reason));
}
