/** A 2-D affine matrix as PDF writes it: [a b c d e f]. */
type Matrix = [number, number, number, number, number, number];

export interface PlacedXObject {
  name: string;
  /** Printed width and height in points (from the current transformation matrix). */
  width: number;
  height: number;
}

export interface ContentFacts {
  placed: PlacedXObject[];
  /** rg/RG/scn-free DeviceRGB colour operators were used for vector fills or strokes. */
  usesRgbOperators: boolean;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Strings can hold anything, including text that looks like operators; they are not needed here. */
function withoutStrings(text: string): string {
  return text.replace(/\((?:\\.|[^\\)])*\)/gs, ' ').replace(/<[0-9a-fA-F\s]*>/g, ' ');
}

/**
 * Follows q/Q/cm through a page's content to find where each XObject is drawn and how large,
 * and whether DeviceRGB colour operators occur. Enough for preflight; not a full content parser
 * (forms inside forms are not followed).
 */
export function readContent(text: string): ContentFacts {
  const tokens = withoutStrings(text).split(/[\s\[\]]+/).filter(Boolean);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  const placed: PlacedXObject[] = [];
  let usesRgbOperators = false;
  for (const token of tokens) {
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(token) || token.startsWith('/')) {
      operands.push(token);
      continue;
    }
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm' && operands.length >= 6) ctm = multiply(operands.slice(-6).map(Number) as Matrix, ctm);
    else if (token === 'Do' && operands.length > 0) {
      placed.push({ name: operands[operands.length - 1]!.slice(1), width: Math.hypot(ctm[0], ctm[1]), height: Math.hypot(ctm[2], ctm[3]) });
    } else if (token === 'rg' || token === 'RG') usesRgbOperators = true;
    operands.length = 0;
  }
  return { placed, usesRgbOperators };
}
