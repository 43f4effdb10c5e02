import { Flex, Image, Typography } from 'antd';
import type { CSSProperties } from 'react';

export interface PageImage {
  page: number;
  src: string;
}

/** The scanned pages (small JPEGs made while the scan was read), one under the other; click to zoom. */
export function ScanPages({ pages, style }: { pages: readonly PageImage[]; style?: CSSProperties }) {
  return (
    <Image.PreviewGroup>
      <Flex vertical gap={12} style={{ overflowY: 'auto', ...style }} data-testid="directive-scan-pages">
        {pages.map((p) => (
          <figure key={p.page} style={{ margin: 0 }}>
            <Image src={p.src} alt={`Ảnh trang ${p.page} của bản scan`} width="100%" style={{ border: '1px solid #f0f0f0' }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Trang {p.page}
            </Typography.Text>
          </figure>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
