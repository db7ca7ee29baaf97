import { AddressPolicy, isPrivateAddress, RefusedTarget } from '../../src/webhooks/addressPolicy';

describe('where webhooks may go', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '169.254.1.1', '0.0.0.0', '100.64.0.1',
    '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.1.2.3', '::10.0.0.1', 'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.215.14', '172.32.0.1', '172.15.255.255', '2a00:1450:4010:c05::64', '::ffff:93.184.215.14'])('allows the public %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('lets the operator allow a private host or address by name', async () => {
    const policy = new AddressPolicy(['127.0.0.1', 'erp.internal']);
    expect(policy.permits('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(policy.permits('erp.internal', '10.20.0.15')).toBe(true);
    expect(policy.permits('other.internal', '10.20.0.15')).toBe(false);
    await expect(policy.resolve('127.0.0.1')).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
    await expect(new AddressPolicy([]).resolve('localhost')).rejects.toThrow(RefusedTarget);
  });

  it('takes only http(s) URLs without credentials', () => {
    const policy = new AddressPolicy([]);
    expect(() => policy.parse('file:///etc/passwd')).toThrow('Only http and https URLs');
    expect(() => policy.parse('https://user:pass@example.com/')).toThrow('user name or password');
    expect(() => policy.parse('not a url')).toThrow('not a valid address');
    expect(policy.parse('https://example.com/hook').hostname).toBe('example.com');
  });
});
