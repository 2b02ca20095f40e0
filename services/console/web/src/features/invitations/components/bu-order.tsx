import { Space, Tag } from 'antd';

/** Participating BUs in priority order: 1 · bu-2, 2 · bu-1 … */
export const BuOrder = ({ units }: { units: readonly string[] }) => (
  <Space size={4} wrap>
    {units.map((bu, i) => (
      <Tag key={bu}>{`${i + 1} · ${bu}`}</Tag>
    ))}
  </Space>
);
