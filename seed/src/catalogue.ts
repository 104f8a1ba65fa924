/**
 * The demo printer's product catalogue. Prices are per unit; `unit` says what a unit is.
 * A null price means "priced on request" (quotes only). `options` lists the specification choices
 * a line may carry.
 */
export interface CatalogueItem {
  sku: string;
  name: string;
  category: string;
  description: string;
  unit: string;
  unitPriceCents: number | null;
  minQuantity: number;
  leadTimeDays: number;
  active: boolean;
  options: Readonly<Record<string, readonly string[]>>;
}

const PAPER = ['130gsm gloss', '170gsm silk', '250gsm silk', '350gsm matt', '100gsm uncoated recycled'];
const FLAT = { paper: PAPER, colours: ['4/4', '4/0', '1/1'], finish: ['none', 'matt lamination', 'gloss UV'] };
const LARGE = { material: ['440gsm PVC', 'mesh PVC', 'polyester fabric'], finishing: ['hemmed with eyelets', 'pole pockets', 'cut to size'] };
const LABEL = { material: ['white gloss paper', 'clear polypropylene', 'kraft paper'], shape: ['round', 'rectangle', 'oval'] };

function item(
  sku: string, name: string, category: string, description: string, unit: string,
  unitPriceCents: number | null, minQuantity: number, leadTimeDays: number,
  options: CatalogueItem['options'], active = true,
): CatalogueItem {
  return { sku, name, category, description, unit, unitPriceCents, minQuantity, leadTimeDays, active, options };
}

export const CATALOGUE: readonly CatalogueItem[] = [
  item('BC-STD-350', 'Business cards, standard', 'Business cards', '85 x 55 mm, 350gsm matt, full colour both sides', 'box of 250', 3_900, 1, 3, FLAT),
  item('BC-PREM-SOFT', 'Business cards, soft-touch', 'Business cards', '85 x 55 mm, 450gsm soft-touch laminated, spot UV', 'box of 250', 7_400, 1, 5, { finish: ['soft-touch', 'soft-touch + spot UV', 'soft-touch + gold foil'] }),
  item('FLY-A5-170', 'Flyers A5', 'Flyers', 'A5, 170gsm silk, full colour both sides', 'each', 9, 250, 3, FLAT),
  item('FLY-A4-130', 'Flyers A4', 'Flyers', 'A4, 130gsm gloss, full colour both sides', 'each', 14, 250, 3, FLAT),
  item('FLY-DL-170', 'Flyers DL', 'Flyers', 'DL (99 x 210 mm), 170gsm silk', 'each', 8, 500, 3, FLAT),
  item('BRO-A4-TRI', 'Tri-fold brochures A4', 'Brochures', 'A4 folded to DL, 170gsm silk, roll fold', 'each', 38, 250, 5, { ...FLAT, fold: ['roll fold', 'Z fold'] }),
  item('BRO-A4-16PP', 'Stapled brochures A4, 16 pages', 'Brochures', 'A4 portrait, 16 pages, 130gsm silk text, 250gsm cover', 'each', 285, 50, 7, { cover: ['250gsm silk', '300gsm silk + matt lamination'], binding: ['saddle stitch'] }),
  item('BKL-A5-PERF', 'Perfect-bound booklets A5', 'Booklets', 'A5, 48–120 pages, perfect bound, laminated cover', 'each', 640, 25, 10, { pages: ['48', '64', '96', '120'], cover: ['matt lamination', 'gloss lamination'] }),
  item('PST-A2-170', 'Posters A2', 'Posters', 'A2, 170gsm silk, single sided', 'each', 420, 10, 4, FLAT),
  item('PST-A1-200', 'Posters A1', 'Posters', 'A1, 200gsm satin photo paper', 'each', 1_150, 5, 4, { paper: ['200gsm satin', '190gsm backlit film'] }),
  item('BAN-PVC-3X1', 'PVC banner 3 x 1 m', 'Banners', '440gsm PVC, hemmed with eyelets every 50 cm', 'each', 8_900, 1, 4, LARGE),
  item('BAN-ROLLUP-85', 'Roll-up banner 85 x 200 cm', 'Banners', 'Aluminium roll-up stand with printed polyester graphic and bag', 'each', 12_900, 1, 5, { stand: ['economy', 'premium'] }),
  item('SGN-FOAM-A1', 'Foam board sign A1', 'Signage', '5 mm foam board, direct printed', 'each', 3_400, 1, 4, { thickness: ['5 mm', '10 mm'] }),
  item('SGN-ACM-1200', 'Aluminium composite sign 1200 x 800', 'Signage', '3 mm ACM panel, UV printed, outdoor rated', 'each', 15_500, 1, 8, { fixing: ['none', 'drilled corners', 'rail system'] }),
  item('LBL-RND-50', 'Round labels 50 mm', 'Labels', '50 mm diameter on rolls, permanent adhesive', 'each', 6, 500, 5, LABEL),
  item('LBL-RECT-100X70', 'Product labels 100 x 70 mm', 'Labels', 'Rectangular labels on rolls, gloss varnish', 'each', 9, 1_000, 5, LABEL),
  item('PKG-MAILER-S', 'Printed mailer box, small', 'Packaging', 'E-flute mailer box 220 x 160 x 80 mm, printed outside', 'each', 185, 100, 12, { print: ['outside only', 'outside + inside'], board: ['white E-flute', 'kraft E-flute'] }),
  item('PKG-SLEEVE', 'Gift box sleeves', 'Packaging', 'Custom die-cut sleeves, 350gsm board, foil optional', 'each', null, 500, 14, { finish: ['none', 'gold foil', 'emboss'] }),
  item('STN-LH-120', 'Letterheads A4', 'Stationery', 'A4, 120gsm uncoated, full colour one side', 'each', 12, 500, 3, { paper: ['120gsm uncoated', '100gsm recycled'] }),
  item('STN-ENV-DL', 'Printed envelopes DL', 'Stationery', 'DL envelopes with window, printed return address', 'each', 16, 500, 6, { window: ['left window', 'no window'] }),
  item('STN-NCR-A5', 'NCR order pads A5', 'Stationery', 'Duplicate carbonless sets, padded in 50s, numbered', 'pad of 50', 1_450, 10, 7, { parts: ['2-part', '3-part'] }),
  item('PRM-CAL-WALL', 'Wall calendars A3', 'Promotional', '13-page wall calendar, wire-o bound', 'each', 760, 25, 10, { binding: ['wire-o', 'saddle stitch'] }, false),
];
