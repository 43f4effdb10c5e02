import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { publicUrl } from '../features/consultation-manage/PublicLinkCard.js';
import { QrCode } from '../features/consultation-manage/QrCode.js';
import { useConsultationDetail } from '../features/consultation-manage/useConsultationManage.js';
import { manageText as t } from '../i18n/consultation-manage.js';

/** Only the sheet is printed, on one A4 page: the menu, header and buttons are hidden. */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 18mm; }
@media print {
  body * { visibility: hidden !important; }
  .qr-sheet, .qr-sheet * { visibility: visible !important; }
  .qr-sheet { position: absolute; top: 0; left: 0; right: 0; margin: 0 auto !important; border: 0 !important; }
}
.qr-sheet { background: #fff; color: #000; max-width: 174mm; margin: 0 auto; padding: 12mm; border: 1px solid #d9d9d9; text-align: center; font-family: 'Times New Roman', serif; }
.qr-sheet h1 { font-size: 20pt; margin: 0 0 6mm; }
.qr-sheet .qr-title { font-size: 16pt; font-weight: 700; margin: 0 0 8mm; }
.qr-sheet .qr-scan { font-size: 13pt; margin: 0 0 6mm; }
.qr-sheet .qr-link { font-size: 13pt; word-break: break-all; margin: 6mm 0 0; }
.qr-sheet .qr-owner { font-size: 12pt; margin: 8mm 0 0; }
`;

/** `/dot-lay-y-kien/:code/in`: the public form's title, link and QR code on an A4 sheet to print and post. */
export function ConsultationPrintPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const detail = useConsultationDetail(code);
  if (detail.isError) return <ErrorResult page error={detail.error} onRetry={() => void detail.refetch()} />;
  if (detail.isPending) return <Skeleton active />;
  const d = detail.data;
  const url = publicUrl(d.publicPath);
  return (
    <Flex vertical gap={12}>
      <title>{`${t.print}: ${d.title} — Lan Tỏa`}</title>
      <style>{PRINT_CSS}</style>
      <Flex gap={8} wrap>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="qr-print-now">
          {t.printNow}
        </Button>
        <Button onClick={() => void navigate(`/dot-lay-y-kien/${encodeURIComponent(d.code)}`)}>{t.back}</Button>
      </Flex>
      <section className="qr-sheet" data-testid="qr-sheet">
        <h1>{t.printHeading}</h1>
        <p className="qr-title">{d.title}</p>
        <p className="qr-scan">{t.printScan}</p>
        <QrCode text={url} size="110mm" label={t.qrAlt(d.title)} />
        <p className="qr-link">{url}</p>
        {d.owner ? <p className="qr-owner">{d.owner.name}</p> : null}
      </section>
    </Flex>
  );
}
