import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

/**
 * A validator for the OASIS SARIF 2.1.0 JSON schema (the copy Microsoft ships in
 * @microsoft/jest-sarif). The schema is draft-04, hence ajv-draft-04; its patterns are not
 * valid under the `u` flag, hence unicodeRegExp: false.
 */
export function sarifValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}
