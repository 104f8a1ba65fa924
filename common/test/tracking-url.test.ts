import { describe, expect, test } from 'vitest';
import { trackingUrl } from '../src/tracking-url.ts';

describe('tracking links for customers', () => {
  test('each known carrier links to its own tracking page with the number', () => {
    expect(trackingUrl('UPS', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingUrl('FedEx', '123456789012')).toBe('https://www.fedex.com/fedextrack/?trknbr=123456789012');
    expect(trackingUrl('USPS', '9400111899223817556161')).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223817556161');
    expect(trackingUrl('DHL', '1234567890')).toBe('https://www.dhl.com/global-en/home/tracking.html?tracking-id=1234567890&submit=1');
  });

  test('carrier names are matched however staff typed them', () => {
    expect(trackingUrl('ups', '1Z1')).toMatch(/^https:\/\/www\.ups\.com\//);
    expect(trackingUrl(' Fed Ex ', '1')).toMatch(/^https:\/\/www\.fedex\.com\//);
    expect(trackingUrl('Federal Express', '1')).toMatch(/^https:\/\/www\.fedex\.com\//);
    // The seed's name for DHL.
    expect(trackingUrl('DHL Express', '1')).toMatch(/^https:\/\/www\.dhl\.com\//);
    expect(trackingUrl('U.S.P.S.', '1')).toMatch(/^https:\/\/tools\.usps\.com\//);
  });

  test('the number stays inside the query string', () => {
    expect(trackingUrl('UPS', ' 1Z 999&x=<script> ')).toBe('https://www.ups.com/track?tracknum=1Z%20999%26x%3D%3Cscript%3E');
  });

  test('an unknown carrier, or no carrier or number, gives no link', () => {
    expect(trackingUrl('Harbourside courier', '42')).toBeNull();
    expect(trackingUrl('Royal Mail', 'AB123456789GB')).toBeNull();
    expect(trackingUrl(null, '1Z999AA10123456784')).toBeNull();
    expect(trackingUrl('UPS', null)).toBeNull();
    expect(trackingUrl('UPS', '   ')).toBeNull();
  });
});
