import { parseDocument } from 'yaml';
import type { MoveScope } from '../dr/failover-scope.js';
import { mapAt, removeMapEntry, setMapEntry } from './edit-map-entry.js';

/**
 * The manifest text with the `primary_region` of each account (`dev`) or environment (`prod/staging`) of the
 * scope set to `region`, or removed with null (back to the region roles' primary), in place: comments and
 * layout stay, so the change reads as one line per member in the pull request.
 */
export function setScopePrimary(text: string, scope: MoveScope, region: string | null): string {
  let result = text;
  for (const member of scope) {
    // Parsed again for each member: every edit moves the ranges of what follows it.
    const document = parseDocument(result, { keepSourceTokens: true });
    const [account = member, environment] = member.split('/');
    const path =
      environment === undefined ? ['accounts', account] : ['accounts', account, 'environments', environment];
    const what =
      environment === undefined
        ? `account '${account}'`
        : `environment '${environment}' of account '${account}'`;
    const map = mapAt(
      document.contents,
      path,
      `The settings of ${what} are not a map in the manifest, so its primary_region cannot be written in place: write ${environment === undefined ? 'the account' : `the account's environments as a map (${environment}: {})`} and run again, or set primary_region by hand`,
    );
    result =
      region === null
        ? removeMapEntry(result, map, 'primary_region', what)
        : setMapEntry(result, map, 'primary_region', region, what);
  }
  return result;
}
