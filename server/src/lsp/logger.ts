// The server's log: lines sent to the client's output channel (window/logMessage), with a fallback to stderr.

/** Where the server writes what it does and what went wrong. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Logs an error with its stack, so a failing handler can be diagnosed from the client's log alone. */
  error(message: string, error?: unknown): void;
}

/** The part of a connection's console the logger needs. */
export interface LogSink {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger writing to the client (the connection's console). A sink that throws (closed pipe) falls back to stderr. */
export function createLogger(sink: LogSink): Logger {
  const send = (write: (message: string) => void, message: string): void => {
    try {
      write(message);
    } catch {
      process.stderr.write(`${message}\n`);
    }
  };
  return {
    info: (message) => send((text) => sink.log(text), message),
    warn: (message) => send((text) => sink.warn(text), message),
    error: (message, error) => send((text) => sink.error(text), error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}

/** An error's stack (or message) for the log; anything else as a string. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
