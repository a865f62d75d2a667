"""Kind detection on short sample notes of every kind (written for this project; regression cases).

The fixtures measure the accuracy (tests/test_kinds.py, bench/kinds.py); these pin the cues down one note at a
time. Each note starts with a line ``=== kind``; line breaks inside a paragraph do not matter to the detector.
"""

from __future__ import annotations

from followup_lint.engine.kinds import classify

NOTES = """
=== thank-you
Hi Dana,

Thank you for meeting with me today. I look forward to hearing about next steps and the timeline.

Best, Sam
=== check-in
Hi Dana,

Thank you again for taking the time to meet with me last week. I wanted to follow up on the analyst role and see
if there is any update.

Best, Sam
=== post-rejection
Hi Dana,

Thank you for the update. I'm sorry to hear the position has been filled, but I enjoyed meeting the team.

Best, Sam
=== networking
Hi Dana,

I hope you've been well since we spoke in the spring. I recently started a new role at Globex and wanted to
share the news.

Best, Sam
=== check-in
Hi Dana,

I have received another offer with a deadline of Friday. Is there any update on your timeline? Acme remains my
first choice.

Best, Sam
=== thank-you
Hi Dana,

Thank you for having me back for the second round yesterday. Meeting the engineers made me even more excited.

Best, Sam
=== thank-you
Hi Dana, great speaking with you today about the analyst role. I'd love to connect here.
=== post-rejection
Dear Ms. Chen,

I received your email about the coordinator role. I respect the team's choice and would welcome feedback.

Omar
=== check-in
Hello Mr. Ortiz,

I hope you are well. I am writing to ask whether a decision has been made about the charge nurse position. I
interviewed on March 2.

Lena
=== networking
Hi Priya, it was great to meet you at the DevOps meetup last night. Would love to stay in touch!
=== thank-you
Dear Ms. Chen,

I appreciated the chance to interview for the coordinator position on Tuesday. Learning about your routing
system was fascinating.

Omar
=== post-rejection
Hi Priya,

Thanks for letting me know that the team went with someone else. It was a pleasure to meet you all.

Tom
=== check-in
Hi Priya,

Just wanted to touch base regarding the SRE role. Any news?

Tom
=== networking
Hi Dana,

I read your article on dbt testing and loved the section on snapshots. Thank you for writing it.

Sam
=== thank-you
Subject: Thank you - Data Analyst interview

Hi Dana,

I really enjoyed our conversation this afternoon about the analytics team. The role sounds like a great fit.

Sam
=== check-in
Hi Dana,

I hope all is well. It has been about two weeks since my interview for the Data Analyst role, and I wanted to
ask about the status of the search.

Sam
=== post-rejection
Hi Dana,

Thank you for your email and for considering me for the role. Although I am disappointed by the news, I
appreciated the chance to meet the team.

Sam
=== networking
Hi Dana,

It has been a few months since we last spoke. I just finished a certification in dbt and thought of your team. I
hope the migration went well!

Sam
=== thank-you
Hi Priya,

Thanks for the great chat this morning! I left even more excited about the platform team.

Tom
=== check-in
Dear Mr. Ortiz,

I am following up on my application for the charge nurse position. You mentioned you expected to decide by March
14, so I wanted to check in.

Lena
=== post-rejection
Dear Mr. Ortiz,

Thank you for telling me personally that I was not the right fit this time. I would be grateful for any advice
for my next interview.

Lena
=== networking
Hi Grace,

I saw that Harbor Freight Lines opened a new depot in Leeds. What an exciting step! Best wishes to you and the
team.

Omar
=== thank-you
Hi Marcus,

I wanted to say thanks for walking me through the on-call process on Thursday. Seeing how your team runs
blameless reviews was a highlight of my day.

Tom
=== thank-you
Dear Dr. Alvarez,

Thank you for the thoughtful questions during this morning's panel. I especially valued the discussion about
patient-flow metrics.

Sincerely, Lena
=== thank-you
Hello Kim,

Many thanks for your time on the phone earlier. I'm very keen on the marketing coordinator role after hearing
about the spring campaign.

Alex
=== thank-you
Hi Jordan, thanks for the interview! It was really fun to hear about the studio's next game. Hope to talk again
soon.
=== thank-you
Dear hiring team,

I am grateful for the opportunity to present my case study yesterday and for your feedback on it.

Regards, Nina
=== check-in
Hi Kim,

I hope your week is off to a good start. I'm reaching out to ask whether there have been any developments
regarding the marketing coordinator position.

Alex
=== check-in
Dear Ms. Park,

As it has been ten days since my second interview, I would be grateful for an update on the hiring timeline when
you have a moment.

Nina
=== check-in
Hi Jordan,

Quick note to see how the search for the level designer is going. I'm still very excited about the studio.

Alex
=== check-in
Hello Marcus,

I wanted to let you know that I have another offer and need to respond by Friday. Acme is still my first choice;
could you share where you are in the process?

Tom
=== check-in
Dear Dr. Alvarez,

I am writing to follow up on my interview of March 3. Please let me know if you need any further information
from me.

Lena
=== post-rejection
Hi Kim,

Thanks for getting back to me, and for letting me know the team chose another applicant. I learned a lot from
the process.

Alex
=== post-rejection
Dear Ms. Park,

Thank you for your kind message. Naturally I was hoping for a different outcome, but I'm glad to have met you
and the team.

Nina
=== post-rejection
Hi Jordan,

Bummer to hear I didn't get it, but thanks for the heads-up and for the kind words about my portfolio. Let me
know if anything else opens up!

Alex
=== post-rejection
Dear Dr. Alvarez,

Thank you for informing me of your decision regarding the nurse practitioner role. I would appreciate any
feedback you can offer.

Lena
=== post-rejection
Hello Marcus,

I was sorry to learn that I won't be moving on to the final round. Thank you for the opportunity.

Tom
=== networking
Hi Kim,

Happy new year! I saw your team's holiday campaign on Instagram and it made me smile. Hope the launch went
smoothly.

Alex
=== networking
Dear Ms. Park,

I just published a short write-up on onboarding metrics and remembered our chat about retention. Here is the
link in case it is useful.

Nina
=== networking
Hi Jordan,

Congrats on shipping the expansion! I played it all weekend.

Alex
=== networking
Hello Marcus,

I will be at KubeCon next month and would love to say hello if you are attending.

Tom
=== networking
Hi Dr. Alvarez,

I wanted to let you know that I have joined St. Mary's as a nurse practitioner. Thank you again for your advice
last year; it helped me a lot.

Lena
=== thank-you
Dear Mr. Okafor,

It was a pleasure to speak with you this afternoon about the accounts payable position. Your description of the
month-end close made the role very concrete for me.

Warm regards, Fatima
=== thank-you
Hi Elena,

Thank you! I really enjoyed today's session with the design team and the whiteboard exercise.

Rafael
=== thank-you
Dear Professor Lindqvist,

I would like to thank you and the committee for inviting me to campus on Monday. The discussion of the new lab
was inspiring.

Best wishes, Yuki
=== thank-you
Hi Sam, appreciate you making time for me yesterday - the overview of the sales territory was super helpful and
I'm even keener on the role now.
=== thank-you
Dear Ms. Ruiz,

Thank you for the warm welcome at the school today and for letting me observe your year 4 class.

Kind regards, Hannah
=== check-in
Dear Mr. Okafor,

I trust you are well. I interviewed for the accounts payable position on the 4th and am keen to know whether
there is any news.

Fatima
=== check-in
Hi Elena,

Hope things are good at the studio! Do you have a sense of when the team will make a decision on the product
designer role?

Rafael
=== check-in
Dear Professor Lindqvist,

I hope the semester is going well. I would be grateful to learn whether the committee has reached a decision on
the postdoctoral position.

Yuki
=== check-in
Hi Sam,

Following our conversation two weeks ago, I wanted to see if there's an update on the account executive role.
Happy to provide references.

Jo
=== check-in
Dear Ms. Ruiz,

I just wanted to check on the status of my application for the teaching assistant post.

Hannah
=== post-rejection
Dear Mr. Okafor,

Thank you for your email. Of course I am disappointed, but I appreciate you letting me know so quickly.

Fatima
=== post-rejection
Dear Professor Lindqvist,

Thank you for letting me know the outcome of the search. I wish the new postdoc every success.

Yuki
=== post-rejection
Hi Sam, no worries at all about the decision. Thanks for being straight with me, and good luck with the new
hire!
=== post-rejection
Dear Ms. Ruiz,

I understand that the post has been offered to another applicant. Thank you for considering me.

Hannah
=== networking
Dear Mr. Okafor,

I noticed that your firm is hosting a webinar on the new lease accounting rules. I have registered and look
forward to it.

Fatima
=== networking
Hi Elena,

Loved your talk at Config this year! The part about design debt really stuck with me.

Rafael
=== networking
Dear Professor Lindqvist,

Our paper on soil microbiomes was just accepted at ISME. I thought it might interest your group given your work
on root exudates.

Yuki
=== networking
Hi Sam, long time no speak! I moved into a partnerships role at Globex last month. Would be great to catch up
over coffee sometime.
=== networking
Dear Ms. Ruiz,

I hope you had a restful summer. I came across a reading programme that might suit your year 4 class and have
attached the leaflet.

Hannah
=== check-in
Hi Bianca,

Thank you again for the conversation about the HR generalist role. I know these things take time, but I wondered
if you had any idea when I might hear back.

Mei
=== check-in
Dear Mr. Patel,

Thank you for interviewing me for the electrician apprenticeship. It has been a week since we met, and I am
writing to see whether you need anything more from me.

Liam
=== check-in
Hello Zoe,

Thanks again for your time last Tuesday. Could you let me know if the timeline for the copywriter role has
changed?

Ari
=== check-in
Hi Bianca, quick nudge on the HR generalist role - any word yet? Thanks!
=== thank-you
Dear Mr. Patel,

Thank you for showing me the workshop this afternoon and explaining how apprentices rotate between sites. I'd be
proud to join the team.

Liam
=== thank-you
Hello Zoe,

I wanted to drop a quick note to say thanks for a great interview. The brand voice exercise was a lot of fun.

Ari
=== thank-you
Hi Bianca,

Thank you for your time this morning. Our conversation about onboarding for remote staff made me even more
excited about the HR generalist role.

Mei
=== thank-you
Dear Dr. Nguyen,

Thank you so much for the opportunity to meet with you and the clinical team. Hearing about the new telehealth
service was fascinating.

Sofia
=== post-rejection
Dear Dr. Nguyen,

Thank you for the kind note. Although this role didn't work out, I hope there will be another chance to work
with your team.

Sofia
=== post-rejection
Hello Zoe,

I appreciate you telling me directly. It's a shame it didn't work out this time, but I really enjoyed the
process.

Ari
=== post-rejection
Hi Bianca,

Thank you for letting me know that you have offered the position to someone else. Best of luck to the team.

Mei
=== post-rejection
Dear Mr. Patel,

Thank you for your message regarding the apprenticeship. I'm sorry it wasn't me this time, but I'd love to
reapply next year.

Liam
=== networking
Dear Dr. Nguyen,

I just read that your clinic won the regional quality award - well deserved! I hope you are all celebrating.

Sofia
=== networking
Hello Zoe,

I'm putting together a panel on brand voice for the local marketing meetup in June and would love to have you
speak if you're interested.

Ari
=== networking
Hi Bianca,

A former colleague of mine is looking for an HR mentor and I immediately thought of you. Would you be open to an
introduction?

Mei
=== networking
Dear Mr. Patel,

Happy holidays to you and the crew! Thanks again for all the advice you gave me last spring.

Liam
=== thank-you
Hi Omar,

Thanks for taking me through the warehouse floor on Wednesday. The way your pickers use the handheld scanners
was really clever, and I'd love to be part of it.

Jess
=== thank-you
Dear Ms. Laurent,

Please accept my sincere thanks for the interview for the legal secretary position. Your explanation of the
firm's case management system was very helpful.

Regards, Paul
=== thank-you
Hi Kenji, really appreciated the chat earlier about the junior dev role. The pairing exercise was great
practice. Thanks again!
=== thank-you
Dear Committee,

I am writing to thank you for the interview for the library assistant post. I enjoyed our discussion about the
children's reading hour.

Maya
=== thank-you
Hello Ines,

It was great to meet you and the kitchen team this morning! Thank you for letting me cook the trial dish.

Marco
=== check-in
Hi Omar,

I hope all is well at the warehouse. I'm keen to know if there is any news about the shift supervisor role I
interviewed for last month.

Jess
=== check-in
Dear Ms. Laurent,

I am writing to politely enquire about the status of my application for the legal secretary position.

Regards, Paul
=== check-in
Hi Kenji,

Sorry to bother you! I was wondering whether the team has had a chance to review the candidates for the junior
dev role yet.

Sam
=== check-in
Dear Committee,

You indicated a decision would be made by the end of May. As June has arrived, I wanted to ask whether there is
any news.

Maya
=== check-in
Hello Ines,

Just following up on the sous chef trial from two weeks ago. Still very keen!

Marco
=== post-rejection
Hi Omar,

Thanks for the email. I was really hoping for this one, but I understand. All the best with the peak season.

Jess
=== post-rejection
Dear Ms. Laurent,

Thank you for your letter. While the outcome is not what I hoped for, I appreciated the professionalism of the
process.

Paul
=== post-rejection
Hi Kenji,

Thanks for letting me know I didn't make it to the next round. Any tips on what I could improve would be hugely
appreciated.

Sam
=== post-rejection
Dear Committee,

Thank you for informing me of your decision. Please keep my CV on file should a similar post arise.

Maya
=== post-rejection
Hello Ines,

No hard feelings at all - congrats to whoever got the job! I'd still love to eat at the restaurant soon.

Marco
=== networking
Hi Omar,

I saw the article in Logistics Weekly about your new automated sorting line. Impressive stuff! Hope the rollout
goes smoothly.

Jess
=== networking
Dear Ms. Laurent,

I will be attending the Bar Association's spring reception and wondered if you might be there too. It would be
lovely to say hello.

Paul
=== networking
Hi Kenji,

I finally shipped the open-source library I mentioned in our interview. Here's the GitHub link if you're
curious.

Sam
=== networking
Dear Ms. Reyes,

It has been almost a year since we met. I have since finished my library science degree and wanted to thank you
for encouraging me.

Maya
=== networking
Hello Ines,

I tried the new tasting menu last weekend with my family - the scallop dish was incredible. Congratulations to
you and the team!

Marco
=== thank-you
Hi Leo, thanks a lot for chatting with me this afternoon about the QA role. Loved hearing how you test the
mobile app on real devices.
=== thank-you
Dear Mrs. Hartmann,

Many thanks for receiving me at your office on Thursday. I was impressed by the workshop and the apprentices'
projects.

Yours sincerely, Jonas
=== thank-you
Good evening Mr. Diallo,

I want to express my gratitude for the interview earlier today regarding the driver position. The safety
briefing you described is exactly how I like to work.

Moussa
=== thank-you
Hi Rachel,

Just a quick thank-you for your time on the video call. Your point about design reviews really stuck with me.

Chris
=== thank-you
Dear Selection Panel,

Thank you for considering my application and for the interview on 12 May. I valued the chance to present my
teaching portfolio.

Amira
=== check-in
Hi Leo,

Hope you had a nice weekend. Has there been any movement on the QA position? I remain very interested.

Priyanka
=== check-in
Dear Mrs. Hartmann,

I interviewed for the apprenticeship three weeks ago and have not yet received a response. Could you tell me
whether the position is still open?

Jonas
=== check-in
Good morning Mr. Diallo,

I am following up regarding the driver position. Please let me know if any further documents are needed for your
decision.

Moussa
=== check-in
Hi Rachel,

Circling back on the product designer role. Is the team still planning to decide this month?

Chris
=== check-in
Dear Selection Panel,

I would be grateful for any information about the expected date of your decision regarding the teaching post.

Amira
=== post-rejection
Hi Leo, thanks for letting me know about the QA role. I'm bummed, but I understand. Hope we get to work together
another time!
=== post-rejection
Dear Mrs. Hartmann,

Thank you for your letter of 3 June. I regret that my application was unsuccessful, but I am grateful for the
experience.

Jonas
=== post-rejection
Good afternoon Mr. Diallo,

Thank you for calling me about your decision. I accept it and hope to apply again when new positions open.

Moussa
=== post-rejection
Hi Rachel,

Appreciate the transparency about going with an internal candidate. It was a genuinely fun process.

Chris
=== post-rejection
Dear Selection Panel,

I acknowledge receipt of your email informing me that I was unsuccessful. I would welcome any feedback.

Amira
=== networking
Hi Leo! Saw you're speaking at TestBash next month - congrats. I'll be in the audience.
=== networking
Dear Mrs. Hartmann,

I read about your company's new training centre in the local paper. What a great initiative for young people.

Jonas
=== networking
Good day Mr. Diallo,

I recently completed my advanced driving certificate and wanted to share the news with you, since you encouraged
me to do it.

Moussa
=== networking
Hi Rachel,

This design systems newsletter has been great lately and made me think of our chat - thought you'd enjoy it.

Chris
=== networking
Dear Dr. Osei,

It has been some time since we last met at the education conference. I hope your research project is going well.

Amira
"""


def samples() -> list[tuple[str, str]]:
    out = []
    for block in NOTES.split("=== ")[1:]:
        kind, _, text = block.partition("\n")
        out.append((kind.strip(), text.strip()))
    return out


SAMPLES = samples()


def test_there_are_samples_of_every_kind() -> None:
    assert {kind for kind, _ in SAMPLES} == {"thank-you", "check-in", "post-rejection", "networking"}
    assert len(SAMPLES) >= 100


def test_sample_notes_are_read_as_their_kind() -> None:
    """The learned model is judged on the notes together (none of them is in its training data): at least 94%
    right overall (111 of 117 when the model was trained) and at least 90% on each kind; the misses are listed."""
    misses = [(kind, classify(text), text[:60]) for kind, text in SAMPLES if classify(text)[0] != kind]
    assert len(misses) <= 0.06 * len(SAMPLES), misses
    for kind in {k for k, _ in SAMPLES}:
        notes = sum(1 for k, _ in SAMPLES if k == kind)
        assert sum(1 for k, _, _ in misses if k == kind) <= 0.1 * notes, misses
