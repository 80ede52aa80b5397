/**
 * Issue 19, point 11: the review page and the upload element name a file's size the same way
 * ("303 byte", never "303 B" in one place and "303 byte" in the other).
 */
import { expect } from '@open-wc/testing';
import { formatBytes } from '../../../components/form/format.js';
import { formatSize } from '../../../src/files/index.js';

describe('file sizes', () => {
  it('read the same on the review page as in the upload element', () => {
    for (const bytes of [1, 303, 1023, 1024, 300 * 1024, 1.5 * 1024 * 1024, 5 * 1024 * 1024]) {
      expect(formatBytes(bytes)).to.equal(formatSize(bytes, 'vi'));
      expect(formatBytes(bytes, 'en')).to.equal(formatSize(bytes, 'en'));
    }
    expect(formatBytes(303)).to.equal('303 byte');
    expect(formatBytes(1.5 * 1024 * 1024)).to.equal('1,5 MB');
    expect(formatBytes(303, 'en')).to.equal('303 bytes');
  });
});
