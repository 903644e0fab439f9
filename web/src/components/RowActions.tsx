import { ActionIcon, Menu } from '@mantine/core';

export interface RowAction {
  label: string;
  onClick: () => void;
  /** Shown in red (e.g. deactivate). */
  danger?: boolean;
}

/** The "⋯" menu at the end of a table row; `label` is its accessible name ("Acties voor …"). */
export function RowActions({ label, items }: { label: string; items: RowAction[] }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={label}>
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item key={item.label} color={item.danger ? 'red' : undefined} onClick={item.onClick}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
