"""Kind detection on short sample notes of every kind (written for this project; regression cases).

The fixtures measure accuracy (tests/test_kinds.py, bench/kinds.py); these pin down the cues one note at a time.
"""

from __future__ import annotations

import pytest

from followup_lint.engine.kinds import classify

SAMPLES: list[tuple[str, str]] = [
    (
        "thank-you",
        "Hi Dana,\n\nThank you for meeting with me today. I look forward to hearing about next steps and the timeline.\n\nBest,\nSam",
    ),
    (
        "check-in",
        "Hi Dana,\n\nThank you again for taking the time to meet with me last week. I wanted to follow up on the analyst role and see if there is any update.\n\nBest,\nSam",
    ),
    (
        "post-rejection",
        "Hi Dana,\n\nThank you for the update. I'm sorry to hear the position has been filled, but I enjoyed meeting the team.\n\nBest,\nSam",
    ),
    (
        "networking",
        "Hi Dana,\n\nI hope you've been well since we spoke in the spring. I recently started a new role at Globex and wanted to share the news.\n\nBest,\nSam",
    ),
    (
        "check-in",
        "Hi Dana,\n\nI have received another offer with a deadline of Friday. Is there any update on your timeline? Acme remains my first choice.\n\nBest,\nSam",
    ),
    (
        "thank-you",
        "Hi Dana,\n\nThank you for having me back for the second round yesterday. Meeting the engineers made me even more excited.\n\nBest,\nSam",
    ),
    ("thank-you", "Hi Dana, great speaking with you today about the analyst role. I'd love to connect here."),
    (
        "post-rejection",
        "Dear Ms. Chen,\n\nI received your email about the coordinator role. I respect the team's choice and would welcome feedback.\n\nOmar",
    ),
    (
        "check-in",
        "Hello Mr. Ortiz,\n\nI hope you are well. I am writing to ask whether a decision has been made about the charge nurse position. I interviewed on March 2.\n\nLena",
    ),
    ("networking", "Hi Priya, it was great to meet you at the DevOps meetup last night. Would love to stay in touch!"),
    (
        "thank-you",
        "Dear Ms. Chen,\n\nI appreciated the chance to interview for the coordinator position on Tuesday. Learning about your routing system was fascinating.\n\nOmar",
    ),
    (
        "post-rejection",
        "Hi Priya,\n\nThanks for letting me know that the team went with someone else. It was a pleasure to meet you all.\n\nTom",
    ),
    ("check-in", "Hi Priya,\n\nJust wanted to touch base regarding the SRE role. Any news?\n\nTom"),
    (
        "networking",
        "Hi Dana,\n\nI read your article on dbt testing and loved the section on snapshots. Thank you for writing it.\n\nSam",
    ),
    (
        "thank-you",
        "Subject: Thank you - Data Analyst interview\n\nHi Dana,\n\nI really enjoyed our conversation this afternoon about the analytics team. The role sounds like a great fit.\n\nSam",
    ),
    (
        "check-in",
        "Hi Dana,\n\nI hope all is well. It has been about two weeks since my interview for the Data Analyst role, and I wanted to ask about the status of the search.\n\nSam",
    ),
    (
        "post-rejection",
        "Hi Dana,\n\nThank you for your email and for considering me for the role. Although I am disappointed by the news, I appreciated the chance to meet the team.\n\nSam",
    ),
    (
        "networking",
        "Hi Dana,\n\nIt has been a few months since we last spoke. I just finished a certification in dbt and thought of your team. I hope the migration went well!\n\nSam",
    ),
    (
        "thank-you",
        "Hi Priya,\n\nThanks for the great chat this morning! I left even more excited about the platform team.\n\nTom",
    ),
    (
        "check-in",
        "Dear Mr. Ortiz,\n\nI am following up on my application for the charge nurse position. You mentioned you expected to decide by March 14, so I wanted to check in.\n\nLena",
    ),
    (
        "post-rejection",
        "Dear Mr. Ortiz,\n\nThank you for telling me personally that I was not the right fit this time. I would be grateful for any advice for my next interview.\n\nLena",
    ),
    (
        "networking",
        "Hi Grace,\n\nI saw that Harbor Freight Lines opened a new depot in Leeds. What an exciting step! Best wishes to you and the team.\n\nOmar",
    ),
    (
        "thank-you",
        "Hi Marcus,\n\nI wanted to say thanks for walking me through the on-call process on Thursday. Seeing how your team runs blameless reviews was a highlight of my day.\n\nTom",
    ),
    (
        "thank-you",
        "Dear Dr. Alvarez,\n\nThank you for the thoughtful questions during this morning's panel. I especially valued the discussion about patient-flow metrics.\n\nSincerely,\nLena",
    ),
    (
        "thank-you",
        "Hello Kim,\n\nMany thanks for your time on the phone earlier. I'm very keen on the marketing coordinator role after hearing about the spring campaign.\n\nAlex",
    ),
    (
        "thank-you",
        "Hi Jordan, thanks for the interview! It was really fun to hear about the studio's next game. Hope to talk again soon.",
    ),
    (
        "thank-you",
        "Dear hiring team,\n\nI am grateful for the opportunity to present my case study yesterday and for your feedback on it.\n\nRegards,\nNina",
    ),
    (
        "check-in",
        "Hi Kim,\n\nI hope your week is off to a good start. I'm reaching out to ask whether there have been any developments regarding the marketing coordinator position.\n\nAlex",
    ),
    (
        "check-in",
        "Dear Ms. Park,\n\nAs it has been ten days since my second interview, I would be grateful for an update on the hiring timeline when you have a moment.\n\nNina",
    ),
    (
        "check-in",
        "Hi Jordan,\n\nQuick note to see how the search for the level designer is going. I'm still very excited about the studio.\n\nAlex",
    ),
    (
        "check-in",
        "Hello Marcus,\n\nI wanted to let you know that I have another offer and need to respond by Friday. Acme is still my first choice; could you share where you are in the process?\n\nTom",
    ),
    (
        "check-in",
        "Dear Dr. Alvarez,\n\nI am writing to follow up on my interview of March 3. Please let me know if you need any further information from me.\n\nLena",
    ),
    (
        "post-rejection",
        "Hi Kim,\n\nThanks for getting back to me, and for letting me know the team chose another applicant. I learned a lot from the process.\n\nAlex",
    ),
    (
        "post-rejection",
        "Dear Ms. Park,\n\nThank you for your kind message. Naturally I was hoping for a different outcome, but I'm glad to have met you and the team.\n\nNina",
    ),
    (
        "post-rejection",
        "Hi Jordan,\n\nBummer to hear I didn't get it, but thanks for the heads-up and for the kind words about my portfolio. Let me know if anything else opens up!\n\nAlex",
    ),
    (
        "post-rejection",
        "Dear Dr. Alvarez,\n\nThank you for informing me of your decision regarding the nurse practitioner role. I would appreciate any feedback you can offer.\n\nLena",
    ),
    (
        "post-rejection",
        "Hello Marcus,\n\nI was sorry to learn that I won't be moving on to the final round. Thank you for the opportunity.\n\nTom",
    ),
    (
        "networking",
        "Hi Kim,\n\nHappy new year! I saw your team's holiday campaign on Instagram and it made me smile. Hope the launch went smoothly.\n\nAlex",
    ),
    (
        "networking",
        "Dear Ms. Park,\n\nI just published a short write-up on onboarding metrics and remembered our chat about retention. Here is the link in case it is useful.\n\nNina",
    ),
    ("networking", "Hi Jordan,\n\nCongrats on shipping the expansion! I played it all weekend.\n\nAlex"),
    (
        "networking",
        "Hello Marcus,\n\nI will be at KubeCon next month and would love to say hello if you are attending.\n\nTom",
    ),
    (
        "networking",
        "Hi Dr. Alvarez,\n\nI wanted to let you know that I have joined St. Mary's as a nurse practitioner. Thank you again for your advice last year; it helped me a lot.\n\nLena",
    ),
    (
        "thank-you",
        "Dear Mr. Okafor,\n\nIt was a pleasure to speak with you this afternoon about the accounts payable position. Your description of the month-end close made the role very concrete for me.\n\nWarm regards,\nFatima",
    ),
    (
        "thank-you",
        "Hi Elena,\n\nThank you! I really enjoyed today's session with the design team and the whiteboard exercise.\n\nRafael",
    ),
    (
        "thank-you",
        "Dear Professor Lindqvist,\n\nI would like to thank you and the committee for inviting me to campus on Monday. The discussion of the new lab was inspiring.\n\nBest wishes,\nYuki",
    ),
    (
        "thank-you",
        "Hi Sam, appreciate you making time for me yesterday - the overview of the sales territory was super helpful and I'm even keener on the role now.",
    ),
    (
        "thank-you",
        "Dear Ms. Ruiz,\n\nThank you for the warm welcome at the school today and for letting me observe your year 4 class.\n\nKind regards,\nHannah",
    ),
    (
        "check-in",
        "Dear Mr. Okafor,\n\nI trust you are well. I interviewed for the accounts payable position on the 4th and am keen to know whether there is any news.\n\nFatima",
    ),
    (
        "check-in",
        "Hi Elena,\n\nHope things are good at the studio! Do you have a sense of when the team will make a decision on the product designer role?\n\nRafael",
    ),
    (
        "check-in",
        "Dear Professor Lindqvist,\n\nI hope the semester is going well. I would be grateful to learn whether the committee has reached a decision on the postdoctoral position.\n\nYuki",
    ),
    (
        "check-in",
        "Hi Sam,\n\nFollowing our conversation two weeks ago, I wanted to see if there's an update on the account executive role. Happy to provide references.\n\nJo",
    ),
    (
        "check-in",
        "Dear Ms. Ruiz,\n\nI just wanted to check on the status of my application for the teaching assistant post.\n\nHannah",
    ),
    (
        "post-rejection",
        "Dear Mr. Okafor,\n\nThank you for your email. Of course I am disappointed, but I appreciate you letting me know so quickly.\n\nFatima",
    ),
    (
        "post-rejection",
        "Dear Professor Lindqvist,\n\nThank you for letting me know the outcome of the search. I wish the new postdoc every success.\n\nYuki",
    ),
    (
        "post-rejection",
        "Hi Sam, no worries at all about the decision. Thanks for being straight with me, and good luck with the new hire!",
    ),
    (
        "post-rejection",
        "Dear Ms. Ruiz,\n\nI understand that the post has been offered to another applicant. Thank you for considering me.\n\nHannah",
    ),
    (
        "networking",
        "Dear Mr. Okafor,\n\nI noticed that your firm is hosting a webinar on the new lease accounting rules. I have registered and look forward to it.\n\nFatima",
    ),
    (
        "networking",
        "Hi Elena,\n\nLoved your talk at Config this year! The part about design debt really stuck with me.\n\nRafael",
    ),
    (
        "networking",
        "Dear Professor Lindqvist,\n\nOur paper on soil microbiomes was just accepted at ISME. I thought it might interest your group given your work on root exudates.\n\nYuki",
    ),
    (
        "networking",
        "Hi Sam, long time no speak! I moved into a partnerships role at Globex last month. Would be great to catch up over coffee sometime.",
    ),
    (
        "networking",
        "Dear Ms. Ruiz,\n\nI hope you had a restful summer. I came across a reading programme that might suit your year 4 class and have attached the leaflet.\n\nHannah",
    ),
    (
        "check-in",
        "Hi Bianca,\n\nThank you again for the conversation about the HR generalist role. I know these things take time, but I wondered if you had any idea when I might hear back.\n\nMei",
    ),
    (
        "check-in",
        "Dear Mr. Patel,\n\nThank you for interviewing me for the electrician apprenticeship. It has been a week since we met, and I am writing to see whether you need anything more from me.\n\nLiam",
    ),
    (
        "check-in",
        "Hello Zoe,\n\nThanks again for your time last Tuesday. Could you let me know if the timeline for the copywriter role has changed?\n\nAri",
    ),
    ("check-in", "Hi Bianca, quick nudge on the HR generalist role - any word yet? Thanks!"),
    (
        "thank-you",
        "Dear Mr. Patel,\n\nThank you for showing me the workshop this afternoon and explaining how apprentices rotate between sites. I'd be proud to join the team.\n\nLiam",
    ),
    (
        "thank-you",
        "Hello Zoe,\n\nI wanted to drop a quick note to say thanks for a great interview. The brand voice exercise was a lot of fun.\n\nAri",
    ),
    (
        "thank-you",
        "Hi Bianca,\n\nThank you for your time this morning. Our conversation about onboarding for remote staff made me even more excited about the HR generalist role.\n\nMei",
    ),
    (
        "thank-you",
        "Dear Dr. Nguyen,\n\nThank you so much for the opportunity to meet with you and the clinical team. Hearing about the new telehealth service was fascinating.\n\nSofia",
    ),
    (
        "post-rejection",
        "Dear Dr. Nguyen,\n\nThank you for the kind note. Although this role didn't work out, I hope there will be another chance to work with your team.\n\nSofia",
    ),
    (
        "post-rejection",
        "Hello Zoe,\n\nI appreciate you telling me directly. It's a shame it didn't work out this time, but I really enjoyed the process.\n\nAri",
    ),
    (
        "post-rejection",
        "Hi Bianca,\n\nThank you for letting me know that you have offered the position to someone else. Best of luck to the team.\n\nMei",
    ),
    (
        "post-rejection",
        "Dear Mr. Patel,\n\nThank you for your message regarding the apprenticeship. I'm sorry it wasn't me this time, but I'd love to reapply next year.\n\nLiam",
    ),
    (
        "networking",
        "Dear Dr. Nguyen,\n\nI just read that your clinic won the regional quality award - well deserved! I hope you are all celebrating.\n\nSofia",
    ),
    (
        "networking",
        "Hello Zoe,\n\nI'm putting together a panel on brand voice for the local marketing meetup in June and would love to have you speak if you're interested.\n\nAri",
    ),
    (
        "networking",
        "Hi Bianca,\n\nA former colleague of mine is looking for an HR mentor and I immediately thought of you. Would you be open to an introduction?\n\nMei",
    ),
    (
        "networking",
        "Dear Mr. Patel,\n\nHappy holidays to you and the crew! Thanks again for all the advice you gave me last spring.\n\nLiam",
    ),
    (
        "thank-you",
        "Hi Omar,\n\nThanks for taking me through the warehouse floor on Wednesday. The way your pickers use the handheld scanners was really clever, and I'd love to be part of it.\n\nJess",
    ),
    (
        "thank-you",
        "Dear Ms. Laurent,\n\nPlease accept my sincere thanks for the interview for the legal secretary position. Your explanation of the firm's case management system was very helpful.\n\nRegards,\nPaul",
    ),
    (
        "thank-you",
        "Hi Kenji, really appreciated the chat earlier about the junior dev role. The pairing exercise was great practice. Thanks again!",
    ),
    (
        "thank-you",
        "Dear Committee,\n\nI am writing to thank you for the interview for the library assistant post. I enjoyed our discussion about the children's reading hour.\n\nMaya",
    ),
    (
        "thank-you",
        "Hello Ines,\n\nIt was great to meet you and the kitchen team this morning! Thank you for letting me cook the trial dish.\n\nMarco",
    ),
    (
        "check-in",
        "Hi Omar,\n\nI hope all is well at the warehouse. I'm keen to know if there is any news about the shift supervisor role I interviewed for last month.\n\nJess",
    ),
    (
        "check-in",
        "Dear Ms. Laurent,\n\nI am writing to politely enquire about the status of my application for the legal secretary position.\n\nRegards,\nPaul",
    ),
    (
        "check-in",
        "Hi Kenji,\n\nSorry to bother you! I was wondering whether the team has had a chance to review the candidates for the junior dev role yet.\n\nSam",
    ),
    (
        "check-in",
        "Dear Committee,\n\nYou indicated a decision would be made by the end of May. As June has arrived, I wanted to ask whether there is any news.\n\nMaya",
    ),
    (
        "check-in",
        "Hello Ines,\n\nJust following up on the sous chef trial from two weeks ago. Still very keen!\n\nMarco",
    ),
    (
        "post-rejection",
        "Hi Omar,\n\nThanks for the email. I was really hoping for this one, but I understand. All the best with the peak season.\n\nJess",
    ),
    (
        "post-rejection",
        "Dear Ms. Laurent,\n\nThank you for your letter. While the outcome is not what I hoped for, I appreciated the professionalism of the process.\n\nPaul",
    ),
    (
        "post-rejection",
        "Hi Kenji,\n\nThanks for letting me know I didn't make it to the next round. Any tips on what I could improve would be hugely appreciated.\n\nSam",
    ),
    (
        "post-rejection",
        "Dear Committee,\n\nThank you for informing me of your decision. Please keep my CV on file should a similar post arise.\n\nMaya",
    ),
    (
        "post-rejection",
        "Hello Ines,\n\nNo hard feelings at all - congrats to whoever got the job! I'd still love to eat at the restaurant soon.\n\nMarco",
    ),
    (
        "networking",
        "Hi Omar,\n\nI saw the article in Logistics Weekly about your new automated sorting line. Impressive stuff! Hope the rollout goes smoothly.\n\nJess",
    ),
    (
        "networking",
        "Dear Ms. Laurent,\n\nI will be attending the Bar Association's spring reception and wondered if you might be there too. It would be lovely to say hello.\n\nPaul",
    ),
    (
        "networking",
        "Hi Kenji,\n\nI finally shipped the open-source library I mentioned in our interview. Here's the GitHub link if you're curious.\n\nSam",
    ),
    (
        "networking",
        "Dear Ms. Reyes,\n\nIt has been almost a year since we met. I have since finished my library science degree and wanted to thank you for encouraging me.\n\nMaya",
    ),
    (
        "networking",
        "Hello Ines,\n\nI tried the new tasting menu last weekend with my family - the scallop dish was incredible. Congratulations to you and the team!\n\nMarco",
    ),
]


@pytest.mark.parametrize(("kind", "text"), SAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(SAMPLES)])
def test_sample_note_kind(kind: str, text: str) -> None:
    assert classify(text)[0] == kind
