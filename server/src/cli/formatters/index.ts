import type { FormatRegistry } from '../formatRegistry';
import { inOneChunk, streamedReport, type ChunkedFormatter, type StreamedFormat } from '../report';
import { githubStream } from './github';
import { gitlabChunks } from './gitlab';
import { jsonReportChunks } from './json';
import { junitChunks } from './junit';
import { markdown } from './markdown';
import { sarifChunks } from './sarif';
import { stylishStream } from './stylish';

/**
 * Report formats by name; `lint --format` accepts exactly these and `lint --help` lists them.
 * Each renders its report as a sequence of pieces, so no report has to fit in one string;
 * markdown is capped in length, so it is one piece.
 */
export const FORMATTERS = {
  stylish: { render: streamedReport(stylishStream), description: 'findings grouped by file, for a terminal' },
  json: { render: jsonReportChunks, description: 'every finding with its range, fixes and data; waived findings too' },
  sarif: { render: sarifChunks, description: 'SARIF 2.1.0, for code scanning' },
  github: { render: streamedReport(githubStream), description: 'GitHub Actions workflow annotations' },
  junit: { render: junitChunks, description: 'JUnit XML' },
  gitlab: { render: gitlabChunks, description: 'GitLab Code Quality JSON' },
  markdown: { render: inOneChunk(markdown), description: 'a pull-request comment' },
} satisfies FormatRegistry<string, ChunkedFormatter>;

/** The formats printed file by file as a run goes (the others need every file before they can start). */
export const STREAMED_FORMATS: Partial<Record<keyof typeof FORMATTERS, StreamedFormat>> = { stylish: stylishStream, github: githubStream };
