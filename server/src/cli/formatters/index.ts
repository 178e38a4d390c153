import type { Formatter } from '../report';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { sarif } from './sarif';
import { stylish } from './stylish';

/** Report formats by name; `--format` accepts exactly these. */
export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, github, junit, gitlab, markdown };
