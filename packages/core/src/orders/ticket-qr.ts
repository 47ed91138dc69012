// Renders a signed ticket id as an SVG QR code data URL (the `qrcode` library does the encoding).
import QRCode from 'qrcode';

export const ticketQrDataUrl = async (signedId: string): Promise<string> => {
  const svg = await QRCode.toString(signedId, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
};
