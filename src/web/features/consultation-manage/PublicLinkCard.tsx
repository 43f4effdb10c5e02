import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { manageText as t } from '../../i18n/consultation-manage.js';
import { QrCode } from './QrCode.js';

/** The public form's full address (this server, as the browser reaches it). */
export const publicUrl = (publicPath: string) => `${window.location.origin}${publicPath}`;

/** The public form's link (copy, open) and its QR code, with the way to the printable A4 sheet. */
export function PublicLinkCard({ code, title, publicPath }: { code: string; title: string; publicPath: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const url = publicUrl(publicPath);
  return (
    <Card size="small" title={t.publicLink}>
      <Flex gap={16} wrap align="center">
        <QrCode text={url} size={168} label={t.qrAlt(title)} testId="consultation-qr" />
        <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Link href={publicPath} target="_blank" data-testid="consultation-public-link" style={{ wordBreak: 'break-all' }}>
            {url}
          </Typography.Link>
          <Flex gap={8} wrap>
            <Button
              icon={<CopyOutlined />}
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => message.success(t.copied));
              }}
            >
              {t.copy}
            </Button>
            <Button icon={<PrinterOutlined />} data-testid="consultation-print" onClick={() => void navigate(`/dot-lay-y-kien/${encodeURIComponent(code)}/in`)}>
              {t.print}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
