import type { Formatter } from '../report';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';

/** Report formats by name; `--format` accepts exactly these. */
export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif };
