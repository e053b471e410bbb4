import { IMPORTED_CONNECTOR_CLASS } from '../../model/connect/naming';
import { COMPLIANT, defineRule, violations } from '../types';

export const connectorClassKnown = defineRule({
  id: 'TF-CONNECT-006',
  level: 'error',
  appliesTo: 'connector',
  title: 'The connector is declared with the placeholder class topicform import writes.',
  rationale:
    "A cluster's ACLs and topics prove a sink connector exists but not its connector.class (that lives in the Connect cluster's config topic), so import declares it with a placeholder; the connector's JSON artifact would carry it, and Connect rejects a class it cannot load.",
  fix: 'set connectorClass to the class the running connector has (GET /connectors/<name>/config on the Connect REST API shows it)',
  check: (k) =>
    k.connectorClass !== IMPORTED_CONNECTOR_CLASS
      ? COMPLIANT
      : violations({ field: 'connectorClass', message: `connector ${k.name} still has the imported placeholder class ${IMPORTED_CONNECTOR_CLASS}` }),
});
