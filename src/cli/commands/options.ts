import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('cổng phải là số nguyên từ 0 đến 65535 / port must be an integer 0–65535');
  }
  return port;
}
