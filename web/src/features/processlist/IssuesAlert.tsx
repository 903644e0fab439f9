import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type PathErrors, pathLabel, serverIssues } from './issues';

/**
 * What is wrong with a form: the fields the browser check marked, the list check's issues
 * from the server, or another error (a conflict has its own alert).
 */
export function IssuesAlert({ local, error }: { local: PathErrors; error: unknown }) {
  const { t } = useTranslation();
  const server = serverIssues(error);
  const count = Object.keys(local).length;
  if (count > 0)
    return (
      <Alert color="red" role="alert" title={t('processlist.form.invalid', { count })}>
        <List size="sm">
          {Object.entries(local).map(([path, message]) => (
            <List.Item key={path}>
              {pathLabel(path)}: {message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  if (server.length > 0)
    return (
      <Alert color="red" role="alert" title={t('processlist.form.serverInvalid')}>
        <List size="sm">
          {server.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Alert>
    );
  if (isConflict(error)) return null;
  return <ErrorAlert error={error} />;
}
