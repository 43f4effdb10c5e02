import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('cổng phải là số nguyên từ 0 đến 65535 / port must be an integer 0–65535');
  }
  return port;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new InvalidArgumentError('phải là số nguyên từ 1 đến 10000 / must be an integer 1–10000');
  }
  return n;
}
