import { describe, expect, it } from 'vitest';
import { matchOpenReturn } from '../../../../src/pipeline/follow-up/match-open-return.ts';
import { application } from '../decide/builders.ts';
import { returnRef } from '../fakes.ts';

const tshirt = application({}, [{ sku: 'TS-3000', quantity: '1' }]);
const skirt = application({}, [{ sku: 'SK-4000', quantity: '1' }]);
const open = returnRef({ returnNumber: 'R-OPEN', orderNumber: 'A-1001', application: tshirt });

describe('matchOpenReturn', () => {
  it('the same application sent again with a new Message-ID creates a second return for the same order: it is matched instead', () => {
    expect(matchOpenReturn([open], { isApplication: true, application: tshirt, trackingNumbers: [] })).toBe(open);
  });

  it('an application for other items of the same order is a second return, not a re-send', () => {
    expect(matchOpenReturn([open], { isApplication: true, application: skirt, trackingNumbers: [] })).toBeNull();
    expect(matchOpenReturn([open], { isApplication: true, application: application({ orderNumber: 'B-2002' }), trackingNumbers: [] })).toBeNull();
  });

  it('a follow-up in a new thread creates a second return: a tracking number reaches the one return waiting for it', () => {
    const message = { isApplication: false, application: application({}, []), trackingNumbers: ['RA123456785RU'] };
    expect(matchOpenReturn([open], message)).toBe(open);
    // Two returns waiting for a parcel: which one is not certain, so a person decides.
    expect(matchOpenReturn([open, returnRef({ returnNumber: 'R-OTHER' })], message)).toBeNull();
    // A return under review is not waiting for a tracking number.
    expect(matchOpenReturn([returnRef({ state: 'needs_review' })], message)).toBeNull();
    // No tracking number: a question goes its own way.
    expect(matchOpenReturn([open], { ...message, trackingNumbers: [] })).toBeNull();
  });

  it('the application we asked for, sent in a new thread, reaches the one return waiting for it', () => {
    const waiting = returnRef({ returnNumber: 'R-WAIT', state: 'awaiting_application', orderNumber: null, application: application({}, []) });
    expect(matchOpenReturn([waiting], { isApplication: true, application: tshirt, trackingNumbers: [] })).toBe(waiting);
    // Two returns waiting for an application: not certain which, so a new return as before.
    expect(matchOpenReturn([waiting, { ...waiting, returnNumber: 'R-WAIT-2' }], { isApplication: true, application: tshirt, trackingNumbers: [] })).toBeNull();
  });
});

