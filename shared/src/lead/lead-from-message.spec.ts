import { decideLeadDraft, decideMessageNote, messagePlainText } from './lead-from-message';

describe('a lead from a chat message', () => {
  it('reads a Teams message’s HTML as text: paragraphs and breaks as lines, entities decoded, tags gone', () => {
    expect(
      messagePlainText(
        '<p>Hi <b>team</b>,</p><p>we&#39;d like 40&nbsp;trackers &amp; a demo.<br/>Call me: +47 900</p><div></div>',
      ),
    ).toBe("Hi team,\nwe'd like 40 trackers & a demo.\nCall me: +47 900");
    expect(messagePlainText('<at>Pipeline</at> &lt;script&gt;')).toBe('Pipeline <script>');
  });

  it('proposes the sender as the person (last word the last name), their e-mail, the text and the link as the description', () => {
    const draft = decideLeadDraft({
      senderName: ' Ingrid  Marie Berg ',
      senderEmail: 'ingrid@fjord.example ',
      html: '<p>Interested in fleet tracking</p>',
      link: 'https://teams.microsoft.com/l/message/19:x/1',
    });
    expect(draft).toEqual({
      firstName: 'Ingrid Marie',
      lastName: 'Berg',
      email: 'ingrid@fjord.example',
      description: 'Interested in fleet tracking\n\nhttps://teams.microsoft.com/l/message/19:x/1',
    });
    expect(decideLeadDraft({ senderName: 'Cher', html: '' })).toEqual({ lastName: 'Cher', description: '' });
    expect(decideLeadDraft({ html: 'x'.repeat(20), link: 'L' }, { description: 5 }).description).toBe(
      'xxxxx',
    );
    expect(decideMessageNote({ html: '<p>Budget OK</p>', link: 'L' })).toBe('Budget OK\n\nL');
  });
});
