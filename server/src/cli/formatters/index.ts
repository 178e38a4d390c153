import type { FormatRegistry } from '../formatRegistry';
import type { Formatter, StreamedFormat } from '../report';
import { github, githubStream } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { sarif } from './sarif';
import { stylish, stylishStream } from './stylish';

/** Report formats by name; `lint --format` accepts exactly these and `lint --help` lists them. */
export const FORMATTERS = {
  stylish: { render: stylish, description: 'findings grouped by file, for a terminal' },
  json: { render: json, description: 'every finding with its range, fixes and data; waived findings too' },
  sarif: { render: sarif, description: 'SARIF 2.1.0, for code scanning' },
  github: { render: github, description: 'GitHub Actions workflow annotations' },
  junit: { render: junit, description: 'JUnit XML' },
  gitlab: { render: gitlab, description: 'GitLab Code Quality JSON' },
  markdown: { render: markdown, description: 'a pull-request comment' },
} satisfies FormatRegistry<string, Formatter>;

/** The formats printed file by file as a run goes (the others need every file before they can start). */
export const STREAMED_FORMATS: Partial<Record<keyof typeof FORMATTERS, StreamedFormat>> = { stylish: stylishStream, github: githubStream };
