import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs in production; pretty, human-readable lines when writing to a terminal. */
export function createLogger(level: string): Logger {
  if (process.stdout.isTTY && level !== 'silent') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}
