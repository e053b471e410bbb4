import { posix } from 'node:path';
import { COMPLIANT, defineRule, NOT_APPLICABLE, violations } from '../types';

/** A URL (`https://wiki…/orders`) is outside the repository: lint cannot check it. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A domain's recovery procedure, when it is a path, names a file or folder that exists in the repository. Checked only
 * where the command knows the repository (synth, lint, check); a unit test's synth has no repository to look in.
 */
export const recoveryProcedureExists = defineRule({
  id: 'TF-DOMAIN-004',
  level: 'warning',
  appliesTo: 'domain',
  title: "The domain's recovery procedure names a path that does not exist in the repository.",
  rationale:
    'Every replay runbook and catalog page of the domain points at the recovery procedure; a path to nothing is found missing during an incident, when someone follows the link.',
  fix: 'write the procedure at that path (relative to the repository root), or set recoveryProcedure to where it is (a path or an https:// URL)',
  check: (domain, context) => {
    const declared = domain.recoveryProcedure;
    if (declared === undefined || context.repository === undefined || URL_SCHEME.test(declared.trim())) return NOT_APPLICABLE;
    // `docs/runbooks/orders.md#replay` names the file; `./docs/…` and `docs//…` the same path as `docs/…`. A trailing
    // slash is dropped after normalizing, so `docs/runbooks/../../` (normalized `./`) is the root it names, not a path.
    const path = posix.normalize(declared.trim().replace(/#.*$/, '').replace(/\\/g, '/')).replace(/\/+$/, '');
    if (path === '' || path === '.' || path.startsWith('/') || path === '..' || path.startsWith('../')) {
      return violations({
        field: 'recoveryProcedure',
        message: `recovery procedure "${declared}" is not a path inside the repository (write it relative to the repository root)`,
      });
    }
    return context.repository.exists(path)
      ? COMPLIANT
      : violations({ field: 'recoveryProcedure', message: `recovery procedure "${declared}" does not exist in the repository` });
  },
});
