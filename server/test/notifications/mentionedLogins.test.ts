import { mentionedLogins } from '../../src/notifications/mentionedLogins';

describe('mentionedLogins', () => {
  it('finds each @login once, in order, without trailing punctuation', () => {
    expect(mentionedLogins('@approver.warranty, посмотрите; и @dealer1.staff. Ещё раз @approver.warranty!')).toEqual(['approver.warranty', 'dealer1.staff']);
  });

  it('ignores e-mail addresses and a lone @', () => {
    expect(mentionedLogins('пишите на service@dealer1.example или @ сюда')).toEqual([]);
  });

  it('finds a mention at the start of a line and after brackets', () => {
    expect(mentionedLogins('первая строка\n@dealer2.manager (@auditor)')).toEqual(['dealer2.manager', 'auditor']);
  });
});
