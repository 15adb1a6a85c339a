"""English: the coach's words, question bank and labels, and how English is read.

Every key of ``TEXT`` exists in every pack: an answer in one language never borrows
another's words. Nothing here states a fact about careers; facts come from cited cards.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

CODE = "en"
LETTERS = "A-Za-z"
STEMMER = "english"
QUOTES = ("“", "”")

TEXT: dict[str, str] = {
    # Between conversations (``coach/plan/followup.py``).
    "followup_opening": "Welcome back. Last time you planned to {action}{due}. How did it go?",
    "followup_due": " by {date}",
    "followup_check_in": (
        "Welcome back. Your check-in with your {who} was due on {date}. How did it go, and "
        "what did you agree?"
    ),
    "recorded_done": "Good work. I've marked “{action}” done and added what you said to your "
    "evidence log ({date}).",
    "recorded_slipped": "Thanks for being straight about it. I've marked “{action}” as slipped; "
    "it stays in your plan.",
    "recorded_dropped": "Noted: “{action}” is dropped from your plan.",
    "distress": (
        "I'm sorry you're carrying this. What you describe sounds heavy, and it matters "
        "more than any promotion. If you feel unsafe or in crisis, please contact local "
        "emergency services or a crisis line now. Otherwise, it may help to talk to someone "
        "you trust, your doctor, or your company's employee assistance programme if it has "
        "one. Career questions can wait until you have support and some rest.\n\n"
        "Would it help to talk about what could make the next week a little lighter?"
    ),
    # The emergency sentence of "distress", word for word: whether it was said is read by it.
    "crisis_pointer": "If you feel unsafe or in crisis, please contact local emergency services "
    "or a crisis line now.",
    "distress_strain": (
        "I'm sorry you're carrying this. Running on empty matters more than any promotion. It "
        "may help to talk to someone you trust, your doctor, or your company's employee "
        "assistance programme if it has one, and if it ever feels like more than exhaustion, "
        "please reach out to a crisis line. Career questions can wait until you have some "
        "rest.\n\n"
        "Would it help to talk about what could make the next week a little lighter?"
    ),
    # Said first when the distress is tied to a promotion ("a failure because I'm not senior").
    "distress_promotion": (
        "Not being promoted, or not yet, is not the same as failing at your job; it says "
        "nothing about your worth."
    ),
    "support_again": (
        "Thank you for telling me more. How you are doing comes first, and nothing about "
        "your job or the promotion needs deciding today."
    ),
    "support_question_1": "Who could you talk to about this in the next day or two?",
    "support_question_2": "What is one thing that would make this week a little easier?",
    "support_question_3": "Is there something you could take off your plate for now?",
    "support_later": "When you feel ready, we can look at the next steps for your career together.",
    "gentle": "We can look at that, and there's no rush: one small step is plenty for now.",
    # A feeling named in passing (not a crisis) is acknowledged before anything else.
    "feel_caring": "That's a lot to carry alongside work. Setting your own pace for a while is "
    "a legitimate choice.",
    "feel_anxious": "That sounds stressful, and it makes sense that it's on your mind.",
    "feel_inadequate": "Feeling like you don't measure up is hard, and worth taking seriously.",
    "feel_unseen": "Doing work that matters and having nobody see it is discouraging, and it is "
    "fixable.",
    "feel_returning": "Coming back after a long time away is a real transition; it's fair to "
    "give yourself time to find your feet.",
    "feel_tired": "That sounds draining. I'll keep this short and practical.",
    "feel_burnt-out": "Burning out on the work itself is a real signal, and worth taking "
    "seriously in whatever you decide.",
    "feel_hurt": "That sounds disappointing, and it's fair to feel that way.",
    "feel_angry": "It makes sense to be angry about that.",
    "win_heard": "That is a result with numbers on it, which is the kind of evidence a "
    "promotion case is built from.",
    "already_tried": "You've already done that, so let's go on from what came of it.",
    "feel_angry_leaving": "It makes sense to be angry about that. Leaving is a real option; it "
    "deserves a clear-headed look, next to what could still change where you are.",
    "feel_leaving": "Leaving is a real option; it deserves a clear-headed look, next to what "
    "could still change where you are.",
    "feel_stuck": "Feeling stuck wears you down; it makes sense to look for a way through.",
    "pushback": "Fair point: general advice only goes so far.",
    "pushback_repeat": "You're right, I said that already. Something I haven't said yet:",
    "feedback_example": "[their exact words]",
    "pushback_disagree": "Fair enough: you know your team better than my sources do.",
    "pushback_again": "You're right, that was still too general. Here is the most concrete "
    "of what my sources say for where you are.",
    "pushback_more": "Understood. Let me stay with exactly what you've described.",
    "plan_lead": "Here is a plan for the next few weeks, one focus a week, from what my sources "
    "advise:",
    "plan_week": "Week {n}:",
    "no_plan": "My sources don't lay out a step-by-step plan for this.",
    "plan_lead_steps": "Here is what I'd focus on, in this order, from what my sources advise:",
    "plan_step": "{n}.",
    "off_topic_again": (
        "That one's outside my lane too. If something about your work or growth is on your "
        "mind, I'm here for it.\n\nWhat would be most useful to think through?"
    ),
    "commitment_tip": "One thing that helps it count:",
    "override": (
        "I can't share or change how I'm set up, but I'm glad to keep coaching you on your "
        "career.\n\nWhat's on your mind about your growth right now?"
    ),
    "off_topic": (
        "That's outside what I can help with: I'm a career coach for engineers, so I stay "
        "with growth, promotion and the work around them.\n\nIs there something about your "
        "career you'd like to think through?"
    ),
    "thanks": "You're welcome. Come back once you've tried something and tell me how it went.",
    "thanks_step": "You're welcome. Good luck with your step: {action}. Come back and tell me "
    "how it went.",
    "you_could_say": "You could say: “{say}”",
    "you_could_ask": "You could ask: “{say}”",
    "after_words_when": "When will you have that conversation?",
    "after_words_listen": "What would you listen for in the answer?",
    "draft_lead": "Here is a draft you can adapt:",
    "draft_hi": "Hi {name},",
    "draft_name": "[name]",
    "draft_close": "Happy to talk it through whenever suits you.",
    "draft_then_say": "In the conversation itself, you could open with: “{say}” [{n}]",
    "draft_sign": "Thanks,\n[your name]",
    "draft_default": "I'd like to talk about my growth and what the next level would take. "
    "Could we set aside time for it in our next one-on-one?",
    "draft_default_steady": "Could we use part of our next one-on-one to talk about my goals "
    "for this year?",
    "draft_default_report": "I'd like to talk about your growth and what the next level would "
    "take. Could we set aside time for it in our next one-on-one?",
    "draft_why": "Why it is put this way: {point} [{n}]",
    "draft_after": "When will you send it?",
    "draft_after_dated": "What would you listen for in the reply?",
    "draft_short_lead": "Shorter:",
    "draft_short": "Hi {name}, could we use part of our next one-on-one to talk about {topic}? "
    "Thanks!",
    "draft_short_self": "my growth toward the next level",
    "draft_short_report": "your growth and the next level",
    "draft_case_lead": "Here is the shape of one entry; fill the brackets with your own facts:",
    "draft_case": "[Project]: [the problem, and why it mattered to the team or the business]. "
    "{did}. Result: {result}. [Who relied on it, and whose feedback backs it.]",
    "draft_case_result": "[before → after, with a number]",
    "draft_case_did": "I [what you did yourself]",
    "draft_case_short_lead": "In one line:",
    "draft_case_short": "{did}: {result}.",
    "draft_case_short_after": "Who on the teams that relied on it could back it with a "
    "sentence of feedback?",
    "draft_case_after": "Which project will you write up first?",
    "greeting": (
        "Hi! I'm a career coach for engineers. I'll ask about your goals and situation, and "
        "bring in what my sources say, with citations.\n\nWhat would you like to think "
        "through: whether to go for a promotion, or where the opportunities on your team are?"
    ),
    "out_of_scope": (
        "My sources don't cover that part (pay, visas, a specific company's rules), so I "
        "won't guess at it. HR, your company's published guides or your manager can give you "
        "the real answer."
    ),
    "reflection": "It sounds like {facts}.",
    "and": " and ",
    "list_sep": ", ",
    "you_are": "you're {level}",
    "you_are_at": "you're at {level}",
    "on_team": "you work on the {team} team",
    "aiming_for": "you'd like to become {level}",
    "aiming_for_code": "you'd like to reach {level}",
    "dealing_with": "you're dealing with {items}",
    "motivated_by": "what draws you is {items}",
    "track_management": "you're considering a move into management",
    "track_ic": "you want to stay on the individual-contributor track",
    "manager_aligned": "your manager supports you",
    "manager_misaligned": "your manager isn't on board yet",
    "manager_not_discussed": "promotion hasn't come up with your manager yet",
    "lead_goal_1": "Worth weighing:",
    "lead_goal_2": "Something to keep in mind:",
    "lead_reality_1": "What bears on your situation:",
    "lead_reality_2": "Worth keeping in mind as you look at where you are:",
    "lead_options_1": "A few options:",
    "lead_options_2": "Directions worth considering:",
    "lead_will_1": "What helps with the next step:",
    "lead_will_2": "What makes a next step stick:",
    "lead_out_of_scope_1": "What my sources do say that's close to your question:",
    "lead_out_of_scope_2": "What my sources do say that's close to your question:",
    "no_sources": (
        "I couldn't find anything in my sources that speaks to this directly, so I won't "
        "make something up."
    ),
    "bias_ack": (
        "Thank you for saying this; it deserves to be taken seriously, not explained away."
    ),
    "not_complaining": "Asking about it is not complaining. Vague feedback while peers doing "
    "the same work move up is worth a closer look, and bias is one of the causes the sources "
    "name.",
    "bias_next": (
        "Write down the specifics (the work, the feedback, the outcomes next to your peers') "
        "and bring them to someone who can look at it with you: a skip-level manager, HR, "
        "or a mentor you trust."
    ),
    "commitment_ack": "You've committed to {action}{due}. Put it in your calendar and "
    "mention it to your manager at your next one-on-one.",
    "commitment_ack_with": "You've committed to {action}{due}. Put it in your calendar.",
    "due_said": " by {date} ({said})",
    "due_today": " by {date}, which is today",
    "due_is_today": " today ({date})",
    "due_said_today": " by {date} ({said}), which is today: if that's too soon, pick a date you "
    "can keep",
    # "Friday the 14th" when the 14th is a Monday: the day number decides, the clash is said.
    "due_mismatch": " by {date} (you said “{said}”, so check which day you mean)",
    "due_first_mismatch": " (the first part by {date}: you said “{said}”, so check which day "
    "you mean)",
    "due": " by {date}",
    "due_on": " on {date}",
    "due_first": " (the first part by {date})",
    # The short answer to a yes/no question the sources answer outright; the cited points
    # follow it.
    "verdict_better_not_different": "No. The next level is different work, not the same work "
    "done better.",
    "verdict_get_it_in_writing": "Yes, while it can still be done: a written assessment of where "
    "you stand and of the evidence you talked about. Evidence written at the time is far "
    "stronger than evidence reconstructed later, and whoever makes your case next will need it.",
    "verdict_tracks_pay_alike": "Not by design: the two tracks are meant to pay alike at "
    "matching levels. Ask what level and pay the role itself comes with.",
    "verdict_report_may_stay": "No. Many companies treat senior as a career level: an engineer "
    "can stay there for good and be fully successful. The next level is different work, and "
    "whether to want it is theirs to decide.",
    "verdict_report_may_stay_again": "As far as the next level goes, no: staying senior is a "
    "full career, and wanting more is their call.",
    "verdict_report_may_stay_yes": "Yes, as far as the next level goes: senior can be a "
    "career level. Leaving them alone about promotion is not leaving them without growth; "
    "interesting work and honest feedback at their level still matter.",
    "verdict_cycle_in_reach": "Only if you are already doing the next level's work. Most "
    "ladders want it shown consistently, often for two quarters or more, before a case goes "
    "in; if most of it is still ahead of you, a cycle that close is tight, and aiming for the "
    "one after while the evidence builds is common. Your manager can say which case they "
    "could make now.",
    "verdict_cycle_in_reach_report": "Only if the next level's work is already part of {pos} "
    "record. Most ladders want it shown consistently, often for two quarters or more, before a "
    "case goes in; if most of it is still ahead, a cycle that close is tight, and aiming for the "
    "one after while the evidence builds is common. You are the one who can say which case you "
    "could make now.",
    "verdict_cycle_in_reach_again": "It comes back to the same test: how long you have already "
    "been working at the next level, and whether your manager could make that case today.",
    "verdict_no_fixed_clock": "There is no fixed clock in my sources: most ladders want the "
    "next level's behaviour shown consistently, often for two quarters or more, and it is "
    "common to wait a cycle or two even when you feel ready.",
    "verdict_enough_alone": "Not on its own. Ladders look for the next level's behaviour shown "
    "consistently, often over two quarters or more; this is a start, and what you do next from "
    "it is what builds the case.",
    "verdict_easy_work_no_bar": "Yes, as the sources see it: even work that feels small has "
    "a bigger version, such as making a kind of change easier for everyone, taking a small "
    "win to more clients, or choosing the work that matters more.",
    "verdict_team_is_no_bar": "Yes. Teams that maintain and run systems have senior-level "
    "work; taking on the team's recurring pain points is what gives your manager a case.",
    "verdict_undervalued_not_right": "No, not as the sources see it: fixing and improving what "
    "already exists can be promotable work, and they tell managers never to accept that only "
    "new systems and features can be promoted.",
    "verdict_no_obligation": "No. Many companies treat senior as a career level: you can stay "
    "there for good and be fully successful; the next level is different work, not a duty.",
    "verdict_management_if_its_the_work": "Only if it is management itself you want. It is a "
    "different job, not a faster way up, and it is worth trying parts of it before you switch.",
    "verdict_ask_what_changed": "Yes. After a cycle, asking what specifically would have "
    "changed the decision is what the sources advise.",
    "verdict_still_code": "Less than now, as the ladders describe the job.",
    "verdict_trial_ok": "Not weird at all: many companies offer a trial period or a "
    "tech-lead-manager role for exactly this, and asking for one is a sensible way to decide.",
    "verdict_back_not_a_demotion": "No. The ladders treat it as a move between two tracks, "
    "not a step down.",
    "verdict_can_go_back": "Yes, and many people do.",
    "verdict_back_without_demotion": "Yes. The ladders treat it as a move between two tracks, "
    "not a step down, and many people make it.",
    "verdict_management_not_a_step_up": "No. Moving into management is a change of job, not a "
    "step up.",
    "verdict_not_a_reward": "Not as a reward. A promotion is more responsibility; pay and "
    "bonuses are what reward good work.",
    "verdict_result_counts": "Yes. Taking a recurring load down, with the numbers before and "
    "after, is the kind of work the sources count towards the next level.",
    "verdict_firefighting_counts": "Not the firefighting itself. What counts is fixing what "
    "causes it, systematically, and showing the load before and after in numbers.",
    "verdict_existing_work_counts": "Yes. Improving what already exists can be promotable work.",
    "verdict_not_the_only_way_pay": "Not as the sources see it: pay and bonuses reward good "
    "performance at your level, while a promotion is more responsibility, with the raise "
    "following it. Whether your company gives meaningful raises within a level is worth "
    "asking your manager directly.",
    "verdict_not_the_only_way": "No. More interesting projects and a sense of progress are real "
    "benefits, but a promotion is not the only way to them: you can ask for that work at your "
    "level.",
    "verdict_load_counts": "Yes, if you fix it systematically rather than one page at a time: "
    "taking a recurring operational load down, and showing it with numbers, is the kind of "
    "work the sources count towards senior.",
    "verdict_report_work_counts": "Yes, that is work the sources count: finding recurring "
    "problems nobody assigned and fixing them systematically is senior-level work. Put the "
    "numbers and what they gave the team at the centre of the case.",
    "verdict_make_it_visible": "Yes. In calibration the people deciding often don't know the "
    "person whose case it is, so work already seen beyond the team is easier to argue for.",
    "verdict_steady_no_harm": "Not by itself. Time at a level is not a verdict on you, and the "
    "path to the next level is still there when you choose to take it.",
    "verdict_fine_to_stay_yes": "Yes. Staying at a level you enjoy and do well is a legitimate "
    "choice, not a failure.",
    "no_flat_verdict": "My sources don't give a flat yes or no on this; here is what they do say.",
    "verdict_manager_not_alone": "Not alone: your manager writes or presents the case, and "
    "others weigh it in calibration, often people who don't know your work.",
    "verdict_counts_metrics": "Yes. Better metrics and a dashboard for a system people rely on, "
    "built without being asked, is the sources' own example of senior-level work.",
    "back_to_ic_say": "Thank you for backing me as a manager; I learned a lot from it. I want "
    "to go back to building, and I'd like to do it here. Can we work out together how and "
    "when?",
    "decline_role_say": "Thank you for thinking of me for the role. I've thought about it, and I "
    "want to keep growing on the engineering track for now. I'd be glad to help the team in "
    "other ways, such as mentoring or running design reviews.",
    "verdict_skip_level_ok": "Not a bad idea: persistently vague feedback is worth raising with "
    "a skip-level manager, and a good question for them is how calibration judges the thing "
    "you keep hearing.",
    "verdict_go_to_hr": "You can: HR exists for exactly this, and it goes better with a "
    "record behind it. Keep a dated record of your work, the feedback and the outcomes next to "
    "your peers', and ask in writing for the specific evidence the next level needs; a "
    "skip-level manager can also tell you how calibration judges the thing you keep hearing.",
    "verdict_landing_level": "My sources give no fixed rule: the two tracks are meant to match "
    "level for level, and an engineering manager is often parallel to senior or staff, but "
    "companies differ. Ask which IC level your management level maps to where you are.",
    "verdict_counts_opportunity": "Yes. A problem people feel that nobody owns is exactly the "
    "kind of opportunity the sources mean: take it on, fix it properly and measure the result.",
    "verdict_counts_staff": "Yes: a problem several teams share and no one owns is the kind of "
    "work that shows staff scope.",
    "crosswalk_same": "Roughly the same level: in the level crosswalk, {a} and {b} both sit at "
    "the generic {level} level. The mapping is approximate, so compare scope and expectations "
    "too. [{n}]",
    "crosswalk_diff": "Not the same: in the level crosswalk, {b} sits {gap} {direction} {a} "
    "({level_b} against {level_a}). The mapping is approximate, so compare scope and "
    "expectations too. [{n}]",
    "crosswalk_yours_same": "Not by level: in the level crosswalk, {a} sits at the generic "
    "{level} level, the same as yours. The mapping is approximate, so compare scope and "
    "expectations too. [{n}]",
    "crosswalk_yours_above": "By level, yes: in the level crosswalk, {a} sits at the generic "
    "{level} level, {gap} above yours. The mapping is approximate, so compare scope and "
    "expectations too. [{n}]",
    "crosswalk_yours_below": "No: in the level crosswalk, {a} sits at the generic {level} level, "
    "{gap} below yours. The mapping is approximate, so compare scope and expectations too. [{n}]",
    "crosswalk_one": "In the level crosswalk, {a} sits at the generic {level} level; the mapping "
    "is approximate. [{n}]",
    "crosswalk_vs": "In the level crosswalk, {a} sits at the generic {level} level, {gap} "
    "{direction} {claimed}. The mapping is approximate, so compare scope and expectations too. "
    "[{n}]",
    "crosswalk_above": "above",
    "crosswalk_below": "below",
    "crosswalk_gap_1": "one level",
    "crosswalk_gap_n": "{k} levels",
    "crosswalk_gap_many": "{k} levels",
    "crosswalk_level_entry": "entry-level engineer",
    "crosswalk_level_engineer": "mid-level engineer (IC2)",
    "crosswalk_level_senior": "senior engineer",
    "crosswalk_level_staff": "staff engineer",
    "crosswalk_level_principal": "principal engineer",
    "crosswalk_level_distinguished": "distinguished engineer",
    "stay_say": "I've thought about it: the next level isn't my goal right now, and I want to "
    "keep doing the work I have well. Can we talk about what growing in this role looks like?",
    "stay_close": "That is a clear choice, and a legitimate one. What would you like to get "
    "better at in the role you have over the next six months?",
    "plan_ok": "It's a good step: it is concrete and it has a date.",
    "plan_ok_undated": "It's a good step, and a concrete one; a date would make it firmer.",
    "stay_ok": "Not wanting the next level is a legitimate choice; staying at a level you enjoy "
    "and do well is not a failure.",
    "verdict_not_failing": "No. Not being promoted as often as others is no sign that you do "
    "your current job badly.",
    "verdict_senior_for_good": "Not for staying senior as such: at many companies senior is a "
    "career level that people hold for the rest of their careers. Whether yours is one of them "
    "is a fair question to ask directly.",
    "verdict_not_now_ok": 'No. Saying "not now" to the next level is a legitimate choice, and '
    "you can come back to it later.",
    "bias_compare": "That comparison is worth writing down while it is fresh: when each of you "
    "joined, the size of each project, the feedback each of you got and the outcome. Specifics "
    "like these are what a skip-level, a mentor or HR can act on.",
    "verdict_short_of_hr": "Yes. Short of HR there are quieter steps: keep a dated record of "
    "your work, the feedback and the outcomes next to your peers'; ask in writing for the "
    "specific evidence the next level needs; and take it to a skip-level manager, or to a "
    "mentor or sponsor outside your reporting line. If the pattern continues, that record "
    "makes a conversation with HR easier later.",
    "verdict_join_on_call": "Yes, with support at first: taking part in on-call is part of the "
    "job from entry level on, and learning the team's on-call tooling early is expected. Ask "
    "your lead how a first shift is supported.",
    "verdict_manager_first": "Your manager first: they make your case in calibration, so they "
    "should hear the goal and the evidence before anyone above them. Bring in the skip-level "
    "after that, with your manager knowing.",
    "verdict_fine_to_stay": "No, it isn't. Staying at a level you enjoy is a legitimate choice.",
    "verdict_not_my_job": "Not assigned to you, no, and that is the point: at the next level "
    "nobody hands you the problem; noticing it and fixing it is the job.",
    "verdict_not_my_job_count": "Not assigned to you, no, and that is the point: at the next level "
    "nobody hands you the problem; noticing it and fixing it is the job. You're right that it has "
    "to count, though, so settle that with your manager before you start.",
    "verdict_not_coasting": "Not for turning down the next level. Not being promoted says "
    "nothing on its own about how well you do the job you have; the next level asks for "
    "different work, not more of the same. Coasting would show in the job you have, not in "
    "the one you decline.",
    "verdict_not_paranoid": "It is not paranoid to ask. Vague feedback can be a sign of bias, "
    "and it deserves a closer look.",
    "verdict_tell_your_manager": "Yes. Make the goal explicit with your manager: they are "
    "usually the one who makes the case for you.",
    "verdict_not_necessarily_leave": "Not necessarily. Look hard at your current team first: "
    "work nobody has picked up is often the opportunity you are looking for.",
    "verdict_not_necessarily_leave_gentle": "It can be the right call, and your rest comes "
    "first. Before you decide, one conversation with your manager about the load is worth "
    "having.",
    "verdict_raise_it": "Raising it is reasonable: the sources suggest a skip-level manager or "
    "a mentor when feedback stays vague or the process doesn't seem to serve you.",
    "verdict_no_need_to_manage": "No. The engineering track continues past senior, to staff "
    "and principal; management is a different job, not the next step up.",
    "verdict_keep_a_log": "Yes. A running log of your work and its evidence makes the case "
    "far easier to write when the time comes.",
    "verdict_dont_wait": "No. Promotions sometimes just happen, but most times they don't: "
    "make the next level an explicit goal and bring it up with your manager yourself.",
    "verdict_title_can_matter": "No, caring about the title is reasonable; when you compare "
    "roles, weigh the scope and expectations beside it.",
    "verdict_cross_team_yes": "Yes, for staff: the unit of work is several teams, a shared "
    "area or a problem no single team can solve. It is set by the problems you take on, not by "
    "moving teams.",
    "verdict_asking_ok": "No. Asking is expected, especially early on; what the ladder looks "
    "for is clear questions: what you tried, what you expected and what you saw.",
    "verdict_not_too_early": "No. It is okay, and expected, to put active effort into your "
    "career; what matters is doing it deliberately.",
    "verdict_your_call": "That's your call, not anyone else's. It makes sense if you want the "
    "work the next level brings; staying at a level you enjoy is a legitimate choice too.",
    "verdict_cycles_are_common": "Yes, that is common. It often takes a cycle or two.",
    "no_promises": "No one can promise a promotion, me included; what you can control is "
    "the evidence and the conversation with your manager.",
    "no_promises_manager": "Not as a promise, and your manager can't make it one: they write "
    "or present the case, but others weigh it in calibration, often people who don't know your "
    "work. Take it as a good sign, and keep building the evidence.",
    "no_promises_report_short": "No.",
    "no_promises_report_open": "Don't promise the outcome: you present the case, but others "
    "weigh it in calibration, so a promise that breaks costs more than it helps. Promise what "
    "you control instead.",
    "no_promises_report": "No. Don't promise the outcome: you present the case, but others "
    "weigh it in calibration, so a promise that breaks costs more than it helps. Promise what "
    "you control instead.",
    "next_step_1": "A next step: choose the one point above you can act on this week, and put "
    "a date on it.",
    "next_step_2": "A next step: write down what you'll try and when you'll review it.",
    "as_before": "As I said,",
    "decide_by": "Before {when}, which of these could you find out or try, and who will you ask?",
    "rendered": "(rendered from the Russian)",
    # A manager asking about one of their people: the advice is theirs to pass on.
    "report_mine": "For your part:",
    "report_lead_1": "What you could pass on to {obj}:",
    "report_lead_2": "Worth sharing with {obj}:",
    "report_lead_3": "What might help {obj} here:",
    "report_q_1": "Which of these would you raise with {obj} first, and what example from {pos} "
    "own work would you use?",
    "report_q_2": "What opportunity on the team could you hand {obj} this quarter, and who would "
    "need to see the result?",
    "report_q_3": "If you asked at your next one-on-one, what would {subj} say is the biggest gap?",
    "report_q_4": "What would you need to see from {obj} before you put {obj} forward, and have "
    "you told {obj}?",
    "report_q_5": "Who beyond you should know {pos} work before calibration, and how will they "
    "hear about it?",
    # A report who said they don't want the next level: growth where they are.
    "report_stay_q_1": "What would {subj} like to get better at in {pos} current role, and "
    "how could you make room for it?",
    "report_stay_q_2": "Which part of the team's work could {subj} own more deeply, and who "
    "should see it?",
    "stay_close_report": "That is {pos} choice, and a legitimate one. What would {subj} like "
    "to get better at in {pos} current role, and how could you make room for it?",
    "report_she": "she|her|her",
    "report_he": "he|him|his",
    "report_they": "they|them|their",
}

#: Profile values said back in a sentence ("you're dealing with …").
PHRASES: dict[str, str] = {
    "heavy operational load": "a heavy operational load",
    "maintenance-only work": "a team that mostly maintains existing systems",
    "few visible opportunities": "few visible opportunities",
    "vague feedback": "feedback too vague to act on",
    "work feels too easy": "work that feels too easy",
    "passed over in a cycle": "being passed over for promotion",
    "possible bias": "the possibility of bias",
    "no time beyond current work": "no time beyond your current work",
    "compensation": "the money",
    "learning and growth": "learning and growth",
    "recognition": "recognition",
    "more interesting work": "more interesting work",
    "influence": "more influence",
    "impact": "more impact",
    "keeping pace with peers": "keeping pace with your peers",
}

#: Level names as said in a sentence; company codes (SDE-2, L5) are kept as written.
LEVEL_NAMES: dict[str, str] = {
    "entry engineer": "an entry-level engineer",
    "engineer": "a mid-level engineer",
    "senior engineer": "a senior engineer",
    "staff engineer": "a staff engineer",
    "principal engineer": "a principal engineer",
    "engineering manager": "an engineering manager",
}
LEVEL_NAMES_TARGET: dict[str, str] = {
    "entry engineer": "an entry-level engineer",
    "engineer": "a mid-level engineer",
    "senior engineer": "a senior engineer",
    "staff engineer": "a staff engineer",
    "principal engineer": "a principal engineer",
    "engineering manager": "an engineering manager",
}

#: Questions by GROW stage. Each is (slot, variants): the slot is the profile field it
#: asks about (skipped once known) or a topic name; variants keep the wording fresh.
QUESTIONS: dict[str, list[tuple[str, list[str]]]] = {
    "goal": [
        ("motivations", [
            "What draws you to a promotion right now: the money, the scope, the "
            "recognition, or something else?",
            "What would a promotion give you that you don't have today?",
        ]),
        ("target_level", [
            "Which level are you aiming for, and what do you picture doing differently "
            "there?",
        ]),
        ("why", [
            "Is it the promotion itself you want, or what you hope it brings?",
            "If you imagine a good week a year after the promotion, what does it look like?",
        ]),
    ],
    "reality": [
        ("current_level", ["What's your current level, and what does your team mostly "
                           "work on?"]),
        ("blockers", ["Where does most of your time go today: new features, operations, "
                      "or something else?"]),
        ("manager_alignment", [
            "Have you told your manager you want this, and what did they say?",
        ]),
        ("gap", ["What would someone at the next level do differently on your team today?"]),
    ],
    "options": [
        ("pick", ["Which of these feels most within reach on your team?",
                  "Which of these could you start on without asking anyone's permission?"]),
        ("visible", ["Who would need to see that work for it to count?"]),
    ],
    "will": [
        ("commitments", ["What is one step you could take in the next two weeks, and by "
                         "what date?"]),
        ("obstacle", ["What might get in the way, and how will you handle it?"]),
        ("check_in", ["When will you next check in with your manager about it?"]),
    ],
}  # fmt: skip

_PERSON = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "am": "are",
    "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm", "you've": "I've",
    "you'll": "I'll",
}  # fmt: skip
_CLAUSE_OPENERS = {
    "unless", "if", "until", "when", "after", "before", "because", "and", "so", "or", "but",
    "that", "whether", "once", "while", "as", "what", "which", "how", "where", "who", "why",
    "than",
}  # fmt: skip


#: Who decides where there is no manager ("it's just the founder and us"), by the word the
#: person used, as the coach names them.
DECIDERS = {
    "founder": "the founder",
    "co-founder": "the founder",
    "cofounder": "the founder",
    "owner": "the owner",
    "ceo": "the CEO",
    "cto": "the CTO",
}


def workplace_words(text: str, who: str | None, no_one_on_ones: bool) -> str:
    """The coach's words fitted to a workplace with no manager ("your manager" → "the
    owner") or no one-on-ones ("at your next one-on-one" → "next time you talk")."""
    if who:
        # "Who at your company — your manager or a founder — could…?": they said who.
        text = re.sub(
            r"\bWho at your company — your manager or an? (?:co-?)?founder — could\b",
            f"Could {who}",
            text,
        )
        text = re.sub(r"\byour manager or an? (?:co-?)?founder\b", who, text)
        text = re.sub(r"\byour manager's(?! manager)", f"{who}'s", text)
        text = re.sub(r"\byour manager\b(?!'s)", who, text)
        text = re.sub(r"\bYour manager\b(?!'s)", who[0].upper() + who[1:], text)
    if who or no_one_on_ones:
        text = re.sub(r"\bat your next one-on-one\b", "next time you talk", text)
        text = re.sub(r"\byour next one-on-one\b", "your next real conversation", text)
        text = re.sub(r"\bthis one-on-one\b", "this conversation", text)
    return text


def second_person(text: str) -> str:
    """A person's own words said back to them: "talk to my lead" → "talk to your lead"."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.lower() == "you":
            # "…unless you give me a reason": the coach was "you"; now it is "I" (after a
            # word that opens a clause) or "me".
            before = re.findall(r"[a-z']+", text[: match.start()].lower())
            return "I" if not before or before[-1] in _CLAUSE_OPENERS else "me"
        return _PERSON.get(word.lower(), word)

    return re.sub(r"\b(?:i'm|i've|i'll|you're|you've|you'll|[a-z]+)\b", swap, text, flags=re.I)


def format_date(day: dt.date) -> str:
    """ "Friday 27 November"."""
    return f"{day:%A} {day.day} {day:%B}"


#: How English is read: one regex per signal (``coach.coaching.signals``), situation cue
#: (``situation:<name>``) and feeling (``feeling:<name>``). Every pack's alternatives for a
#: name are joined, so a language adds its own words without touching another's.
#: A divorce, a death, or caring for someone ill: heard as a feeling ("feeling:caring") and
#: as a season of not pushing ("situation:holding-steady"), which each go on from here
#: (the group of the last alternative is left open for them to close).
#: Pages as in being paged, not "landing pages" or "web pages".
PAGES = (
    r"(?<!landing )(?<!web )(?<!wiki )(?<!static )(?<!marketing )(?<!html )(?<!doc )"
    r"(?<!product )pages"
)
LIFE_LOAD = (
    r"\b((in the middle of|going through) (a |my )?(divorce|separation)|getting divorced|"
    r"(dad|mom|mum|mother|father|wife|husband|partner|brother|sister) (died|passed away)|"
    r"bereave\w*|grieving)\b|"
    r"\b(caring for (?:my|him|her|them|our)|taking care of (?:my|him|her|them|our)|"
    r"caregiv\w*|(main|primary|full-time) carer|(dad|mom|mum|mother|father|parents?|wife|"
    r"husband|partner|son|daughter|child|kid|baby)\b[^.?!]{0,25}\b(cancer|chemo\w*|"
    r"(is|was|has been|got|"
    r"went) (in|into) (the )?hospital|surgery|diagnosed|(had|has) a stroke|dementia"
)

#: Bias named about oneself ("one of two women in a 40-person org"): read the same way as
#: a disclosure ("bias") and as the profile's blocker, so the two never disagree.
BIAS_WORDS = (
    r"\b(bias\w*|discriminat\w*|underrepresented|sexis\w*|racis\w*|only (woman|"
    r"women|girl|black|person of colou?r|one over \d+)|because (i'?m|"
    r"i am) (a )?(woman|female|black|older|gay|trans|immigrant|mother|mom)|two men|"
    r"the men (on|in) (my|the) team|one of (the )?(two|three|few|only) (women|black|"
    r"female)|the men who|(?:i'?m|i am) (?:a |the )?(?:woman|black|latina|latino|gay|trans)"
    r"\b[^.?!]{0,40}\bonly (?:one|person)\b)\b"
)

#: "Disagree. My manager told me to just close tickets": the coach's last answer disputed
#: (not "I disagree with my manager…", which is about them). Pushback, and its own reply.
DISAGREES = (
    r"^\s*(?:i )?(?:(?:strongly |totally |respectfully |honestly )?disagree|don'?t agree)\b"
    r"(?!\s+(?:with|about|on)\s+(?:my|the|our|his|her|their)\b)"
)

#: Who reports a charge or a promise, and how: "my manager said", "he calls it".
_BOSSES = r"manager|boss|lead|skip[- ]level|director"
_REPORTING = r"says?|said|(?<!on-)(?<!on )calls?|called|thinks|told|tells|promised"

#: "That's not my job": work outside what was assigned, refused. ("Nobody asked me to" is
#: not a refusal: it is as often said of work done anyway.)
_NOT_MY_JOB = (
    r"\b(?:(?:(?:that'?s|it'?s|that is|it is) not|isn'?t) (?:really )?my (?:job|responsibility|"
    r"problem)|not (?:in|part of) my (?:job|role)(?: description)?)\b"
    # ("…not my job to write code anymore", "…not my job, but I did it anyway": no refusal)
    r"(?![^.?!]{0,30}\b(?:any ?more|but i (?:did|do|fixed|still))\b)"
)

READS: dict[str, str] = {
    "distress": (
        # "Exhausted" alone is how a tired week is said: a feeling, not a crisis.
        r"\b(burn(ed|t)?[- ]?out|burning out|haven'?t slept(?! on)|not (been )?sleeping|"
        r"can'?t (cope|sleep|go on|"
        # "I can't take it anymore", not "I can't take it back" or "can't take this on".
        r"take (it|this)(?! (back|over|on|up|off|out|away|apart|down|in|into|to|with|"
        r"from|for|as|seriously|personally|home|further)\b))|panic attacks?|depress(ed|ion)|"
        r"anxiety|anxious all|hopeless|"
        r"breaking down|want to (die|disappear)|kill myself|(?<!career )(?<!political )"
        r"suicid\w*(?! mission)|self[- ]harm|"
        r"hate my life|crying every|(don'?t|do not|can'?t|cannot) see the point|"
        r"what'?s the point (of|in) (anything|any of (this|it)|living|going on|trying)|"
        r"no point (in|to) (anything|any of (this|it)|living|going on)|don'?t want to be here|"
        r"better off without me|don'?t want to (live|exist)|want (it|this|everything) (all )?to "
        r"(end|stop)|end(ing)? (it all|my life)|hurt(ing)? myself)\b"
    ),
    # Within distress: exhaustion and strain ("burning out on work that doesn't count")
    # get support without the emergency pointer; words of crisis always get it.
    "strain": (
        r"\b(burn(ed|t)?[- ]?out|burning out|can'?t (cope|sleep)|panic attacks?|anxiety|"
        r"anxious all|exhausted|worn out|running on empty|so tired|haven'?t slept(?! on)"
        r"( properly| well)?|not (been )?sleeping|barely sleep\w*)\b"
    ),
    "crisis": (
        # Said about someone else too ("my report said he wants to kill himself"): support first.
        r"\b(?:kill|killing) (?:him|her|them)sel(?:f|ves)\b|\bend(?:ing)? (?:his|her|their) "
        r"life\b|\b(?:he|she|they) (?:wants?|want) to die\b|"
        r"\b(want to (die|disappear)|kill myself|(?<!career )(?<!political )suicid\w*"
        r"(?! mission)|self[- ]harm|can'?t go on|hopeless|worthless|hate (my life|myself)|"
        r"don'?t want to (be here|live|exist)|better off without me|no point (in|to) "
        r"(anything|living|going on)|what'?s the point (of|in) (anything|any of (this|it)|living|"
        r"going on|trying)|(can'?t|cannot|don'?t) see the point|can'?t take (it|this) anymore|"
        r"want (it|this|everything) (all )?to (end|stop)|end(ing)? (it all|my life)|hurt(ing)? "
        r"myself|depress(ed|ion)|breaking down|crying every)\b"
    ),
    "override": (
        r"\b(ignore|disregard|forget|override)\b[^.?!]{0,40}\b(previous|prior|above|"
        r"your|all|the)\b[^.?!]{0,20}\b(instructions?|rules?|prompt|guidelines)\b|"
        r"\b(system prompt|your (instructions|prompt|rules)|developer mode|jailbreak|"
        r"you are now|pretend (you are|to be)|reveal (your|the) (system |hidden )?(prompt|"
        r"instructions|rules|setup)|print your)\b|"
        # "Act as…" addressed to the coach, not "I mostly act as the architect".
        r"(?:^|[.!?:]\s*|\bplease |\byou (?:will |must |should |to )?|\bnow |\band )act as "
        r"(?!a coach)|"
        r"</?(system|instructions?|passages?|coach_state)>|\[/?(system|inst)\]"
    ),
    "off-topic": (
        # A request ("write me a function"), not a description ("I barely write code").
        r"(?:^|[.!?]\s*|\b(?:can|could|would|will) you\s+|\bplease\s+|\bhelp me\s+)"
        r"(write|give me|generate|debug|fix)\b[^.?!]{0,30}\b(code|function|script|sql|"
        r"regex|program|class|poem|essay|story)\b|\b(capital of|recipe|weather|football|"
        r"who won|translate this|tell me a joke|horoscope|stock tips?|crypto)\b"
    ),
    "out-of-scope": (
        r"\b(salary|pay|comp(ensation)?) (bands?|ranges?|numbers?|levels?)\b|"
        r"\bhow much (do|does|will|would)\b[^.?!]{0,40}\b(make|earn|pay|paid)\b|"
        r"\b(google|meta|facebook|amazon|microsoft|apple|netflix|stripe|"
        r"uber)'?s?\b[^.?!]{0,40}\b(policy|policies|process|rules|bands|pay|salary|"
        r"quota)\b|\b(equity|rsus?|stock options?) (grant|refresh)\b|\blegal advice\b|"
        r"\bvisa\b"
    ),
    "direct-advice": (
        r"\b(just tell me|tell me what to do|give me (the |your )?(advice|answer)|"
        r"what should i do|skip the questions|no (more )?questions|straight answer|"
        r"be direct|what exactly should)\b"
    ),
    "no-questions": (
        r"\b(skip the questions|no (more )?questions|not questions|stop asking|"
        r"don'?t ask me|enough questions|(don'?t|do not) want (any )?(more )?questions|without "
        r"(more |any )?questions)\b"
    ),
    "direct-question": (
        r"^(?:(?:so|and|ok(?:ay)?|but|fine|then|well|just answer|honestly|be honest|"
        r"seriously|quick question|last thing|one more thing)[,.!:]?\s+)*(what|how|which|where|"
        r"when|why|should|is|are|am|does|do|did|can|could|would|will|who|anything|any)\b[^?]*\?"
    ),
    # "do i need to actually tell my boss i want the senior title": a yes/no question typed
    # without its question mark, read as one when it ends the message.
    # "What do I tell him?", "How do I not over-promise?": asked for words or a way, not a yes.
    "wh-question": (
        r"^(?:(?:so|and|ok(?:ay)?|but|then|honestly|well|alright)[,.!:]?\s+)*(?:what(?! if\b)(?! "
        r"about\b)|how(?! about\b)|which|where|when|why|who)\b"
    ),
    "unmarked-yes-no": (
        r"^(?:(?:so|and|ok(?:ay)?|but|then|tbh|honestly)[,.!:]?\s+)*(?:do|does|should|can|could|"
        r"is|are|will|would|am|must) (?:i|it|that|this|we|my|management|managers?)\b[^?]{6,}$"
    ),
    "unmarked-question": (
        r"^(?:(?:so|and|ok(?:ay)?|but|then|tbh|honestly)[,.!:]?\s+)*(?:(?:what'?s|whats|"
        r"what is) the (?:best|fastest|quickest|easiest|right|usual) way|how (?:do|can|"
        r"should|would) i|what (?:should|do|can) i|where (?:do|should) i|is there a way)"
        r"\b[^?]{6,}$|"
        # "what does L4 actually do that L3 doesn't", "how long does it usually take"
        r"^(?:(?:so|and|ok(?:ay)?|but|then|tbh|honestly)[,.!:]?\s+)*(?:what (?:does|do) (?:an? "
        r"|the )?[\w-]+(?: engineers?)? (?:actually |really |even )?(?:do|mean|need|expect|"
        r"look)|how long (?:does|will|would|did|do))\b[^?]*$"
    ),
    # "how?", "and then?", "what next?": carry on with the next concrete step.
    "terse-follow-up": (
        r"^\s*(?:(?:ok(?:ay)?|k|kk|cool|right|fine)[,.]?\s*)?(?:and |so |but )?(?:how|then what|"
        r"what then|what next|and then|then|next|next steps?|what'?s next|what now|now what|"
        r"like how|how exactly|such as|for example|e\.g\.?)"
        r"\s*\??\s*$"
    ),
    # "What do I say to my manager?", "how do I phrase it?": they want words to use.
    "asks-for-words": (
        r"\b(anything (?:else )?(?:that )?i should (?:ask|say|bring)|"
        r"what (?:exactly |else |specifically |questions? )?(?:do|should|would|could|can) i "
        r"(?:actually |really |even |exactly |literally |just )?(?:say|tell|ask|write|bring)|how "
        r"(?:do|should|can|"
        r"would|could) i (?:actually |really |best |even )?(?:say|tell(?! (?:if|whether|when|"
        r"the difference))|phrase|word|ask|"
        r"bring (?:it|this|that) up|raise (?:it|this|that)|frame|answer|respond|put it|talk to|"
        r"approach|decline|turn (?:it|this|that|him|her|them) down|push back)|"
        r"what (?:to|should i) say|how to (?:say|tell|phrase|ask|bring (?:it|this) up|"
        r"frame|talk to)|what questions? (?:should|do|can) i ask|give me (?:the )?(?:words|a "
        r"script)|what (?:words|wording))\b|"
        # "Give me the actual two or three sentences I'd say to her", "word for word"
        r"\b(?:give|write|tell) me (?:the |some |a few |two or three |[\w-]+ ){0,4}"
        r"(?:actual |exact )?(?:words|wording|sentences?|lines?|phrases?|script)\b|"
        r"\bword for word\b|\b(?:sentences?|"
        r"lines?|phrases?|words) (?:i'?d|i would|i should|i could|to) (?:say|use|open with)\b|"
        # "What should my next 1:1 with her actually look like?"
        r"\bwhat (?:should|would|does|will) (?:my|the|our|that) (?:next |first )?(?:1:1|"
        r"one-on-one|1-on-1|conversation|talk|meeting|chat) (?:with \w+ )?(?:actually |even )?"
        r"look like\b|\bhow (?:should|do|would) i (?:run|open|start|structure) (?:my|the|our|"
        r"that) (?:next )?(?:1:1|one-on-one|1-on-1|conversation|talk|meeting)\b"
    ),
    # "Can you draft a short email to my manager?", "write me a slack message for it": a
    # text to send, not advice about one.
    "asks-for-draft": (
        r"(?:\b(?:can|could|would|will) you (?:please |maybe |just |help me |quickly )*|"
        r"(?:^|[.!?:;]\s*)(?:(?:ok(?:ay)?|so|then|now|great|cool|pls|please|just),?\s+)*|"
        r"\bhelp me (?:to )?|\bplease |\bpls )"
        r"(?:draft|write|compose|put together|type up|word)\b "
        r"(?:me |up |out |for me )?(?:a |an |the |my |this |that |some |one )?(?:[\w-]+ ){0,3}?"
        r"(?:e-?mail|message|note|slack(?: message)?|dm|text|reply|response|letter|paragraph|"
        r"summary|blurb|invite|self[- ](?:review|assessment)|write-?up)s?\b|"
        r"\b(?:draft|write) (?:it|that|this|one) (?:up |out )?for me\b|"
        # "How should I write this up so it actually counts at review time?"
        r"\bhow (?:should|do|can|would) i write (?:this|it|that) up\b|"
        # "What exactly do I write in the email to my manager?"
        r"\bwhat (?:exactly |should |do |would )*i (?:write|put|say) in (?:the|an?|my|this|that) "
        r"(?:e-?mail|message|note|slack|dm|letter)\b|"
        r"\bwhat (?:should|would|do|could) (?:the|my|that|this|such an?) (?:e-?mail|message|note|"
        r"slack|dm|text) say\b"
    ),
    # "…asking for a meeting about it": the draft asks for time to talk.
    "draft-meeting": (
        r"\b(?:meeting|(?:a |some |30 minutes|half an hour|time) (?:to talk|with (?:him|her|them))|"
        r"1:1|one-on-one|1-on-1|chat|call|sit down|catch[- ]up|"
        r"time on (?:their|his|her) calendar)\b"
    ),
    # "That's a bit long. Can you cut it to 3 sentences?", "make it more casual": the draft
    # just written, again, shorter.
    "revise-draft": (
        r"\b(?:(?:too|a bit|bit|kinda|rather|quite) (?:long|formal|stiff|wordy)|shorter|shorten|"
        r"cut (?:it|this|that) (?:down|to)|trim (?:it|this|that)|make (?:it|this|that) (?:more "
        r"casual|less formal|friendlier|punchier|simpler|lighter)|more casual|less formal)\b"
    ),
    # "I led the migration of our payments platform…": what they did, in their words.
    "did-said": (
        r"\bI (?:led|built|drove|designed|owned|ran|shipped|migrated|wrote|rebuilt|created|"
        r"launched|introduced|replaced|automated|moved)\b[^.;:!?]*"
    ),
    # "write my promo summary", "draft the self-review paragraph": the case, not a message.
    "draft-case": (
        r"\b(?:self[- ](?:review|assessment|evaluation)|promo(?:tion)? (?:doc(?:ument)?|packet|"
        r"case|summary|write-?up)|brag (?:doc(?:ument)?|sheet|list)|summary (?:line|paragraph)|"
        r"(?:impact|accomplishments?|achievements?) (?:summary|statement|section|paragraph)|"
        r"review (?:paragraph|summary)|write (?:this|it|that) up)\b"
    ),
    # "Am I being paranoid?" said right after a possible-bias disclosure.
    # "sponsor more people, especially from underrepresented groups": bias named about
    # others, not a disclosure of one's own.
    "bias-about-others": (
        r"\b(?:(?<!i'm )(?<!i am )(?<!im )(?<!i’m )from|sponsor\w*|mentor\w*|hir\w+|support\w*|"
        r"people in|engineers in|folks in|"
        r"advocat\w+ for) (?:\w+ ){0,3}underrepresented (?:groups?|backgrounds?|people|"
        r"engineers|folks)\b"
    ),
    "paranoid": (
        r"^(?:so |but |honestly,? )?am i (?:just )?(?:being )?(?:paranoid|overreacting|crazy|"
        r"imagining (?:it|this|things)|overthinking(?: it| this)?|too sensitive)\s*\?$"
    ),
    "bias": BIAS_WORDS,
    "guarantee": (
        r"\b(guarantee\w*|promise\w*|will i (get|be) promoted|certain|for sure|will you promote "
        r"(me|her|him|them)|"
        r"(he|she|they)('ll| will) (get|be) promoted|(tell|say|promise) (her|him|them) (yes|"
        r"it'?s a yes)|(he|she|they)('ll| will) (get|make) (it|"
        r"there|senior|staff|the promotion) next (time|cycle|round|year))\b|"
        # "…tell him: deliver the project and you'll get principal in the October cycle"
        # "Can I at least tell her it's likely?"
        r"\b(?:tell|say to|promise) (?:her|him|them) (?:that )?(?:it'?s|it is|she'?s|he'?s|"
        r"they'?re|she is|he is|they are) (?:likely|probable|probably|almost certain|a safe bet|"
        r"on track to get)\b|"
        # "My manager says I'm 'basically a lock'. Can I count on that?"
        r"\bcount on (?:it|that|this|getting (?:it|promoted|staff|senior))\b|\b(?:a |basically a "
        r"|pretty much a )(?:lock|done deal|sure thing|shoo-in)\b|"
        r"\b(?:you|he|she|they)(?:'ll| will) (?:definitely |surely |certainly |for sure )?(?:get|"
        r"make|be promoted to) (?:it|promoted|senior|staff|principal|the (?:promotion|promo|next "
        r"level))\b[^.?!]{0,30}\b(?:cycle|round|half|quarter|review)\b|"
        # A manager: "can I tell him I'll definitely get it through next cycle?"
        r"\b(?:tell|promise) (?:her|him|them) (?:that )?i(?:'ll| will) (?:definitely |surely |"
        r"certainly |for sure )?(?:get (?:it|(?:her|him|them) (?:promoted|through))|push it) "
        r"through\b|\b(?:tell|promise) (?:her|him|them) (?:that )?i(?:'ll| will) (?:definitely |"
        r"surely |certainly |for sure )?get (?:her|him|them) promoted\b"
    ),
    "work-described": (
        r"\b(i|we)\s+(mostly|mainly|usually|just|only|spend\w*|build|maintain|work on|"
        r"run|own)\b|\b(most of )?my (time|days?|week)\b"
    ),
    "resolved": (
        # ("cut it to 3 sentences", "cut that down" are edits asked of the coach, not results)
        r"\b(cut(?! (?:it|this|that|them|the (?:draft|message|email|text))\b)(?! down\b)|"
        r"reduced|dropped|fixed|solved|halved|down (from|to)|no longer|got rid of|went (?:down )?"
        r"from)\b"
    ),
    "action-question": (
        r"\bwhat (should|do|can|could|would) (i|you) (\w+ )?(do|ask|say|try|start)\b|"
        r"\b(first|next) (thing|step|move)\b|\bstep one\b|\bwhere (should|do) i (even )?"
        r"(start|begin)\b|\bfastest way\b|"
        r"\bwhat exactly\b|\bwhere do i start\b|\bhow do i (start|begin|find out|ask)\b|"
        r"\bthis week\b|\bhow (do|can|could) i get (promoted|to \w+)\b"
    ),
    "want": (
        r"\b(i|i'?d|i'?m)\b[^.?!]{0,20}\b(want|need|care about|after|looking for|"
        r"hoping for|wish|motivated by|draws? me|would like)\b|\bwhat (i want|"
        r"matters to me|i care about)\b"
    ),
    "feedback-context": (
        r"\b(feedback|said|says|told me|tells me|keeps? (saying|telling)|review|calibration|wrote|"
        r"comment\w*|heard|hearing|verdict|reason)\b"
    ),
    # "It's just the founder and us", "the owner decides raises", "we don't have a manager".
    "no-manager": (
        r"\b(?:no (?:manager|boss|managers|middle management)|(?:don'?t|do not|never) "
        r"(?:really )?have (?:a |any )?(?:manager|boss)|(?:it'?s |there'?s )?just the (?:co-?)?"
        r"(?:founder|owner|ceo|cto)s? and (?:us|me|the team|the rest)|(?<!product )(?<!code )the "
        r"(?:co-?)?(?:owner|founder|ceo|cto) (?:just |alone |basically |simply )?(?:decides|does "
        r"(?:the )?(?:raises|reviews|"
        r"promotions))|"
        # "Our CTO is the only one who decides anything"
        r"(?:owner|founder|ceo|cto)s? (?:is|are) the only (?:one|person|people) (?:who|that) "
        r"(?:decides?|makes? (?:the |any )?decisions?))\b"
    ),
    # "there's no calibration, no promo packet": the process cards describe is not theirs.
    "no-process": (
        r"\b(?:no|(?:don'?t|do not|never) (?:really )?(?:have|do)|without) (?:any |a |formal )?"
        r"(?:calibrations?|promo(?:tion)? (?:process|committees?)|(?:formal )?review (?:cycles?|"
        r"process))\b"
    ),
    "no-one-on-ones": (
        r"\b(?:no|(?:don'?t|do not|never) (?:really )?(?:have|do|get)|without) (?:any |regular )?"
        r"(?:1:1s?|one[- ]on[- ]ones?)\b"
    ),
    "decider": (r"\b(?<!product )(?<!code )(?:co-?founder|founder|owner|ceo|cto)\b"),
    # "one sentence. not a lecture", "tl;dr": one point, said plainly.
    "wants-brief": (
        r"^\W*(?:(?:just |answer |say it |tell me )?(?:in )?one (?:sentence|line)|not an? lecture|"
        r"no lectures?|keep it (?:short|brief)|short(?:er)? (?:answer|version)|tl;?dr|be brief)\b"
    ),
    "others-strain": (
        r"\b(?:he|she|they|him|her|them)(?:'s|'re| is| are| was| were| will| might| may| could"
        r"| does(?:n'?t)?| do(?:n'?t)?| did(?:n'?t)?)?(?: not)?(?: be| get| getting| feel\w*| "
        r"seem\w*)?(?: (?:so|really|completely|totally|already|a bit|a little|kind of|pretty|"
        r"quite|very))* (?:burn(?:ed|t|ing)?[- ]?out|burns? "
        r"out|exhausted|worn out|drained)\b"
    ),
    "has-a-manager": (
        r"\b(?:my|our) (?:manager|boss|lead|em|engineering manager|team lead|tech lead)\b(?! "
        r"(?:left|quit|is leaving|has left))"
    ),
    "disagrees": DISAGREES,
    "pushback": (
        # "disagree. my manager told me to just close tickets": the last answer is disputed.
        DISAGREES + r"|"
        r"\b((this|that|it)('s| is| was| sounds)( (so|too|very|pretty))? generic|generic again|"
        r"(still|too) generic|(sounds|feels|"
        r"reads) (a bit |kind of |pretty |very )?(like )?(generic|boilerplate)|"
        r"generic advice|doesn'?t (apply|fit|help)|not (helpful|useful|relevant)|"
        r"my situation is different|(you'?re|you are) not (listening|hearing me|getting it)|"
        r"(nice|fine|great|good) in theory|easier said than done|that'?s not what i (asked|"
        r"meant)|i (already )?know that|(you'?re|you are) not answering|you (didn'?t|"
        r"did not|haven'?t) answer\w*|answer (my|the) question|you (already|just) said (that|"
        r"this)|you('ve| have) (already )?said (that|this)|you said (that|this) already|(this|"
        r"that)('s| is) useless|useless advice|same (thing|advice) again|you keep (saying|"
        r"repeating))\b"
    ),
    # Distress that says the person has failed, is worthless: said back as untrue when it is
    # tied to a promotion.
    "self-blame": (r"\b(failure|failing|failed|worthless|not good enough|useless|inadequate)\b"),
    # Yes/no questions the sources answer outright (``verdict_*`` texts).
    "verdict:better_not_different": (
        # "Is closing tickets fast enough?", "If I keep doing my job really well, will I get
        # promoted?": the same work done better is not the next level's work.
        r"^(?:so |but |and )?(?:is|isn'?t|will|would) (?:just )?(?:closing tickets|shipping\b"
        r"[^?]{0,20}|doing (?:my|the) (?:current )?(?:job|work)\b[^?]{0,15}|working (?:really )?"
        r"hard|being (?:fast|reliable|productive)|delivering\b[^?]{0,20}|hitting my (?:deadlines|"
        r"targets))[^?]{0,25}\benough\b|^(?:so |but )?if i (?:just )?keep doing my (?:job|work) "
        r"(?:really |very )?well,? will i (?:get promoted|make \w+)|"
        r"^(?:so |but )?is (?:(?:being|becoming) )?(?:a |an )?(?:senior|staff|principal|the "
        r"next level)\b(?![^?]*\bnot\b)[^?]{0,30}\b(?:just|only|simply)\b[^?]{0,30}"
        r"\b(?:better|more|faster)\b"
    ),
    # "…will that be enough for senior tho?": one piece of work is a start, not the case.
    "verdict:enough_alone": (
        r"^(?:so |but |and |ok(?:ay)?,? )?(?:will|would|is|isn'?t) (?:that|this|it) (?:be |going "
        r"to be |gonna be )?(?:alone |on its own |by itself )?enough\b|"
        # "Straight answer: is 30 to 4 pages a week enough for staff on its own?"
        r"\b(?:is|are|would|will) [^?]{1,60}? (?:be )?enough (?:for (?:staff|senior|principal|the "
        r"next level|a promotion|promotion)\b[^?]{0,20}(?:on its own|by itself|alone)|"
        r"(?:on its own|"
        r"by itself|alone) for (?:staff|senior|principal|the next level|a promotion|promotion))|"
        # "Honest answer: does this alone get me to SDE-3?"
        r"\b(?:does|will|would|can) (?:this|that|it) alone (?:get|take|make) (?:me|you|her|him)\b"
    ),
    # "Can I get promoted to senior on a team like this?" (a maintenance or ops team)
    "promoted-here": (
        r"^(?:so |but |and |quick q\W+)?(?:can|could|will|would|is it possible for) (?:i|someone|"
        r"anyone|one|you|people) (?:ever |even |really |actually )?(?:get promoted|be promoted|"
        r"make \w+|get to \w+|grow|reach \w+)\b[^?]{0,30}\b(?:on|in|at|from) (?:a |this |my |"
        r"such a |that |our )?(?:team|place|project|role|platform)(?: like (?:this|mine|that|"
        r"ours))?\b|^(?:so |but )?is (?:it|promotion) (?:even )?possible (?:on|in|from) (?:a |"
        r"this |my |such a )?(?:team|place|project)|^(?:so |but )?is (?:it )?(?:even |really |"
        r"actually )?possible to (?:get promoted|grow|make senior|get to senior) (?:doing|with|"
        r"on|in|from) (?:this|that|such|my|our) (?:kind |sort |type )?(?:of )?(?:work|stuff|"
        r"projects?|team)"
    ),
    # "Is my director right?" (after "bug fixing doesn't get people promoted")
    "boss-right": (
        r"^(?:so |but |and )?(?:is|are) (?:my |our |the )?(?:director|manager|boss|lead|vp|"
        r"skip[- ]level|cto|head of \w+|leadership|they|he|she) (?:right|correct)\b|^(?:does|do) "
        r"(?:he|she|they|my \w+) have a point\b"
    ),
    # "Do I have to go for it?": no one must; at senior it is a career level.
    "must-go-for-it": (
        r"^(?:so |but |and |honestly,? )?(?:do|must|should) i (?:really |actually )?(?:have|need|"
        r"got) to (?:go for|aim for|push for|chase|pursue|take|want|become|go after|apply for) "
        r"(?:it|this|that|a promotion|promotion|the promotion|staff|principal|senior|the next "
        r"level|next level)\b"
    ),
    "verdict:management_not_a_step_up": (
        r"^(?:so |but )?(?:is|would) (?:(?:moving|going|switching) (?:into|to) )?(?:an? )?"
        r"(?:engineering )?(?:management|em|manager role|em role)\b(?![^?]*\bnot\b)[^?]{0,30}"
        r"\b(?:a|the) (?:step up|promotion|faster way|next step|way up)\b"
    ),
    # "…thinking of switching to management. At least that's a promotion, right?"
    "step-question": (
        r"\b(?:promotion|step (?:up|down)|level (?:up|down)|higher level|lower level|same level|"
        r"demotion|a bump|level bump)\b"
    ),
    "thats-a-promotion": (
        r"^(?:at least |so |but |and )?(?:that'?s|that is|it'?s|this is|isn'?t (?:that|it)|is "
        r"(?:that|this|it|management|becoming (?:an? )?(?:em|manager)) (?:really |actually |even "
        r")?) ?(?:still |at least )?(?:a |the )?(?:promotion|step up|way up)\b|"
        # "Will switching to EM at least get me a level bump?"
        r"\b(?:will|would|does|do|could|can) (?:it|that|this|switching|moving|going|the (?:switch|"
        r"move)|becoming an? (?:em|manager))(?: \w+){0,3}? (?:at least |even |still )?(?:get me|"
        r"give me|mean|count as|come with) (?:a |an )?(?:level bump|bump|promotion|step up|"
        r"higher level|level up|jump)\b|\b(?:skip (?:a level|ahead)|level bump)\b[^.]*\?"
    ),
    # After a management offer: "would I still code?", "do I get to keep coding?"
    "still-code": (
        r"\b(?:would|will|could|can|do|does|should) (?:i|you|an? (?:em|manager)|managers) "
        r"(?:still |even |get to |keep |be able to )*(?:code|coding|write code|be hands-on)\b"
    ),
    # "…thinking of moving into management to keep growing. Is that a good idea?"
    "good-idea": (
        r"^(?:so |but |and |honestly,? )?(?:is (?:that|this|it) (?:actually |really )?(?:a good|"
        r"a smart|a wise|the right) (?:idea|move|call|path)|(?:would|does) (?:that|this|it) "
        r"(?:be (?:smart|wise|a good (?:idea|move))|make sense)|good idea)\b"
    ),
    # After talk of moving between management and IC: "will people see it as a demotion?",
    # "is going back a step down?" (no) and "can I go back if it's not for me?" (yes).
    "seen-as-demotion": (
        r"\b(?:demot\w*|step(?:ping)? (?:back|down)|backwards?|(?:look|looks|seen as|see it as)"
        r"(?: like)? (?:bad|a failure|failing))\b"
    ),
    "can-go-back": (
        r"^(?:so |but |and |ok,? |okay,? )?(?:and )?(?:what )?(?:if\b[^?]{0,60},? )?(?:can|could|"
        r"would|will|is it possible to|am i able to) (?:i |you |people |one )?(?:(?:ever|still|"
        r"later|then|just) )?(?:go|come|switch|move|get) back\b(?! to (?:my|the|this|that|our|"
        r"a|an) )|\b(?:is (?:it|this|that) "
        r"(?:reversible|a one-way door|permanent|forever))\b"
    ),
    # After a cycle: "should I ask to see what calibration wrote about me?", "should I ask why?"
    "verdict:ask_what_changed": (
        r"^(?:so |and |ok,? )?should i (?:even )?(?:ask|request|push) (?:to see |for |about |them |"
        r"him |her |my manager )?(?:what|why)\b[^?]{0,50}\b(?:calibration|committee|the decision|"
        r"decided|wrote|said about me|(?:i|it) (?:didn'?t|did not|wasn'?t))"
    ),
    # "Is management the higher-paid track?": the tracks are meant to pay alike.
    # "Should I ask my current manager to write something down before she goes?"
    "verdict:get_it_in_writing": (
        r"\b(?:ask|get) (?:my |her |him |them |the )?(?:current |old |outgoing |previous |"
        r"leaving )?(?:manager |boss |lead )?(?:to )?(?:write|put) (?:something|it|that|this|"
        r"(?:her|his|their) (?:assessment|view|feedback|notes?)|a (?:note|summary|few lines)) "
        r"(?:down|in writing|on paper)|\b(?:get|have) (?:it|that|this|something|(?:her|his|"
        r"their) (?:assessment|view|support|feedback)) (?:down )?in writing\b"
    ),
    "it-pays-more": (
        r"^(?:so |but |and |ok,? )?(?:would|will|does|do|is|could) (?:it|that|the (?:role|job|"
        r"position|switch|move)|this|management|being (?:a|an|the) (?:em|manager)) (?:at least |"
        r"even |actually |really |also )?(?:pay (?:more|better)|come with (?:a raise|more money|"
        r"more pay)|mean (?:a raise|more money|more pay)|be (?:better|higher)[- ]paid|get me "
        r"(?:a raise|more money))\b"
    ),
    "verdict:tracks_pay_alike": (
        r"^(?:so |but |and )?(?:is|does|do|would|will) (?:engineering )?(?:management|managers?|"
        r"the (?:management|manager) track|being an? (?:engineering )?manager) (?:the |a )?"
        r"(?:higher[- ]paid|better[- ]paid|pay(?:s)? (?:more|better)|get paid more|earn more|"
        r"paid more)"
    ),
    # "We don't have 'operational load'", "on-call is calm since I rewrote the alerting":
    # a circumstance named only to say it is absent or settled.
    "denied-before": (
        r"\b(?:no|not|don'?t (?:really )?have|doesn'?t have|do not have|never (?:have|had|get|"
        r"got)|nothing like|zero|hardly any)\b[^.?!,;]{0,20}$"
    ),
    "settled-after": (
        r"^[\W]{0,3}(?:\w+\W+){0,3}(?:is|are|has been|have been|got|went|stays?|stayed|feels?)"
        r" (?:(?:pretty|really|very|mostly|super|now|fairly|quite) )?(?:calm|quiet|fine|stable|"
        r"under control|manageable|rare|gone|solved|sorted|ok|okay)\b"
    ),
    "said-already": (
        r"\b(?:you (?:already|just) said (?:that|this)|you(?:'ve| have) (?:already )?said (?:that|"
        r"this)|you said (?:that|this) already|same (?:thing|advice) again|you keep (?:saying|"
        r"repeating))\b"
    ),
    # "I already keep a brag doc", "I already told my manager I want staff", "I already
    # asked for specifics": steps behind them, not to be prescribed again.
    "done:log": (
        r"\bi(?:'ve| have)? (?:already |do )?(?:keep|kept|have|write|maintain|track|started)\w* "
        r"(?:a |an |my )?(?:(?:weekly |running |work |daily )?(?:brag doc\w*|log|journal|record of "
        r"(?:my )?work|work log|doc of (?:my )?wins))|"
        # "please don't tell me to 'keep a log'. I had a log."
        r"\bi had (?:a |an |my )?(?:brag doc|log|journal)\b|\bdon'?t tell me to [\x22'‘“]?(?:keep|"
        r"write|start) (?:a |an )?(?:brag doc|log|journal)"
    ),
    "done:told-manager": (
        r"\bi(?:'ve| have)? (?:already |also )?(?:told|let|asked) (?:my )?(?:manager|boss|lead|"
        r"him|her)\b[^.?!]{0,30}\b(?:want|goal|aiming|know)\b"
    ),
    "done:asked-feedback": (
        r"\bi(?:'ve| have)? (?:already |also )?asked (?:my manager |my boss |my lead |him |her |"
        r"them )?(?:for )?(?:specifics|specific feedback|examples?|an example|what the gap|what "
        r"(?:i need|to improve|was missing)|which gaps?)|\bi did ask for (?:examples?|specifics)"
    ),
    "condition-first": (r"^(?:and |but |so |ok,? )?(?:if|when|once|say) [^,?]{3,80},\s*"),
    # "How long does it usually take to get from L3 to L4?", "realistic timeline?"
    # "Is it realistic to go for this February cycle?", "can she make the June calibration?"
    "cycle-in-reach": (
        # "want L4 next cycle. possible?"
        r"^(?:is (?:it|that|this) )?(?:even |actually |really )?(?:possible|realistic|doable|"
        r"feasible|achievable)\s*\?*$|"
        r"\b(?:is (?:it|that|this|going for (?:it|this|that))|would (?:it|that) be) (?:even |"
        r"actually |really |still )?(?:realistic|doable|feasible|possible|achievable)\b|"
        r"\brealistic(?:ally)? (?:to |for )?(?:go|aim|make|target|get|hit)\w*\b[^?]{0,40}\b"
        r"(?:cycle|"
        r"round|review|calibration|packet)|\b(?:can|could|will) (?:i|she|he|they|we) (?:still )?"
        r"(?:make|hit|be ready for|get (?:it|there) (?:by|in|for)) (?:the |this |next |that |an? )?"
        r"(?:\w+ )?(?:cycle|round|review|calibration|deadline)\b|\btoo (?:soon|early|late) for "
        r"(?:the |this |that |\w+ )?(?:cycle|round|calibration)\b|"
        r"\baim for the (?:one|cycle) after\b|"
        # "is it even worth trying for this cycle, or should I just aim for the fall one?"
        r"\b(?:worth (?:even )?(?:trying|going|aiming|pushing|putting (?:myself|it) in)|"
        r"(?:should|do) i (?:just )?(?:aim|go)) (?:it |for it )?(?:in |for |at )?(?:the |this |"
        r"that |next |an? )?(?:\w+ ){0,2}(?:cycle|round|review|calibration|one)\b|"
        # "could I realistically be up for senior in the October cycle?"
        r"\b(?:can|could|will|would) (?:i|she|he|they|we) (?:realistically |really |actually )?"
        r"(?:be up for|go up for|be put up for|be ready (?:for|by)|make (?:it|\w+) (?:by|in|for))"
        r"[^?]{0,40}\b(?:cycle|round|review|calibration|deadline)\b"
    ),
    # "Успею показать что-то к этому времени?", "…ready by then?": the date said before.
    "by-then": (r"\bby then\b|\bin time\b|\bthe deadline\b"),
    "cycle-word": (r"\b(cycle|calibration|promo|packets?|review (?:round|period))\b"),
    "how-long-to-promote": (
        # "How long before that shows up in a promo case?"
        r"\bhow long (?:before|until|till) (?:that|it|this|the work) (?:shows up|counts|pays off|"
        r"gets (?:noticed|counted|recognised|recognized))\b|"
        r"\bhow long (?:does|will|would|should|might|can|could|do)(?: it| a promotion| people| "
        r"that)?(?: usually| typically| normally)? (?:take|get|need)\b|\bhow long (?:to|until|"
        r"till|before) (?:i )?(?:get|make|reach|be|promotion)\b|\b(?:realistic|typical|"
        r"usual|normal) timeline\b|^(?:so |and |ok,? )?timeline\W*$|\bhow (?:soon|fast|quickly) "
        r"(?:can|could|do|does|will|would|should) (?:i|you|people|someone|one) (?:get|be|make|"
        r"reach|go)\b"
    ),
    "pay-words": (r"\b(?:raise|pay|salary|money|comp(?:ensation)?|paid|bonus\w*|income)\b"),
    # "My strongest senior has told me he doesn't want to go for staff."
    "report-declines": (
        r"\b(?:he|she|they) (?:has |have )?(?:told me|said|says)?\s*(?:(?:that )?(?:he|she|they) )?"
        r"(?:doesn'?t|does not|don'?t|do not|never) (?:really |actually )?want (?:to (?:go for|"
        r"be(?:come)?|move (?:up|to)|apply for|aim for)|a promotion|the promotion|promo)|\b(?:he|"
        r"she|they)(?:'s| is| are|'re) (?:not|never been) (?:really )?interested in (?:staff|"
        r"principal|senior|promo\w*|the next level|moving up|being)"
    ),
    # "…Is that a problem?", "Do I have to push him?": the manager's question about it.
    "push-them": (
        r"^(?:so |but |and |ok,? )?(?:is (?:that|this|it) (?:a problem|bad|ok|okay|fine|a red flag|"
        r"a concern|a warning sign)|(?:do|should|must) i (?:have to |need to |still )?(?:push|"
        r"nudge|force|pressure|keep pushing) (?:him|her|them))"
    ),
    "leave-them-be": (
        r"^(?:so |but |and |ok,? )?(?:should|can|do) i (?:just )?(?:leave|let) (?:him|her|them) "
        r"(?:alone|be)\b"
    ),
    "verdict:not_a_reward": (
        r"^(?:so |but |and )?(?:don'?t|do|shouldn'?t) i\b[^?]{0,20}\bdeserve\b[^?]{0,30}"
        r"\b(?:promot\w*|senior|staff|the next level|a raise)\b|"
        r"^(?:so |but |and )?(?:shouldn'?t|doesn'?t|don'?t|isn'?t|aren'?t) [^?]{0,20}?\b"
        r"(?:loyalty|tenure|years|hard work|effort|overtime|late nights)\b"
        r"[^?]{0,40}\b(?:count|be rewarded|get (?:me )?promoted|earn)|\bi(?:'ve| have) (?:surely |"
        r"definitely |more than |really )?earned (?:it|this|that|(?:the |a |my )?(?:promo\w*|"
        r"senior|staff|title|next level|step up))\b"
    ),
    # "Is a promotion the only way to get more interesting projects?": the article says no.
    "verdict:not_the_only_way": (
        r"^(?:so |but |and )?is (?:a |the )?promotion (?:really |actually )?the only way (?:to|for|"
        r"of)\b"
    ),
    # "15 pages a week from the same three alerts. Is that big enough to count?"
    "big-enough": (
        r"^(?:so |but |and )?(?:is|are|would) (?:that|this|it|these|those) (?:actually |really |"
        r"even )?(?:big|large|serious|significant) enough (?:to count|to matter|for (?:a )?"
        r"promotion|to be promotable)"
    ),
    # "Can I put her up for senior for that work? Yes or no." (after what she fixed)
    "report-up-for-it": (
        r"^(?:so |but |and )?(?:can|could|should) i (?:put|nominate|submit|propose) (?:her|him|"
        r"them)(?: up)? (?:for|to) senior\b[^?]{0,30}"
        r"\b(?:for|on|with|based on) (?:that|this|the|her|his|their)\b"
    ),
    # "Should I get her to present the paging work at the ops review before calibration?"
    "verdict:make_it_visible": (
        r"^(?:so |but |and )?should (?:i (?:get|ask|have) (?:her|him|them) (?:to )?|(?:she|he|they|"
        r"i) )(?:present|demo|show|share|talk about|write up)\b[^?]{0,60}\b(?:review|all[- ]hands|"
        r"demo|forum|meeting|guild|org|other teams|leadership)"
    ),
    # "Does all this firefighting count toward principal?": the fixing counts, not the fires.
    "verdict:firefighting_counts": (
        r"^(?:so |but |and )?(?:does|do|would|will|is|are|can|could) (?:all )?(?:of )?(?:this |"
        r"that |my |the |our )?(?:firefighting|fire-fighting|(?:being )?on-?call|incident "
        r"(?:response|work)|incidents|pages|paging|support (?:work|tickets)|ticket work|toil|"
        r"keeping the lights on|heroics)\b[^?]{0,40}\b(?:count|matter|get me promoted|help (?:me "
        r"|my case)|be promotable|look good)"
    ),
    # "…I'm on every incident. Does that count?": a bare "count?" about the load just named.
    "counts-bare": (
        r"^(?:so |but |and )?(?:does|do|would|will|is|can) (?:all )?(?:that|this|it|any of "
        r"(?:that|this|it)) (?:even |actually |really )?(?:count|matter|help)\b|"
        # "Was this not promotion-worthy?"
        r"^(?:so |but |and )?(?:was|is|isn'?t|wasn'?t) (?:this|that|it) (?:not |even )?"
        r"(?:promotion|promo)[- ]worthy\b"
    ),
    "verdict:existing_work_counts": (
        # "Would cutting page load time count?": improving what exists can be promotable.
        r"^(?:so |but )?(?:would|does|do|will|could|can) (?:cutting|reducing|fixing|improving|"
        r"speeding up|removing|automating)\b(?! scope)[^?]{0,60}\b(?:count(?! against)|be "
        r"promotable|get me promoted|"
        r"matter for (?:my |a )?promo\w*)|"
        r"^(?:so |but )?(?:can|does|do|will|could) (?:fixing bugs|bug ?fix\w*|improving "
        r"(?:existing|old) \w+)\b[^?]{0,40}\b(?:get (?:me |you )?promoted|promotable)\b|"
        r"^(?:so |but )?(?:can|could) (?:someone|anyone|people|you|i|one|an? \w+)(?! not)\b"
        r"[^?]{0,20}\b(?:get|be) promoted\b[^?]{0,50}\b(?:maintenance|legacy|support team|ops team|"
        r"existing (?:features|systems?|product)|bug ?fix\w*|keep\w* the lights on)"
    ),
    "small-company": (
        r"\b(?:\d{1,2}|1\d\d)[- ](?:person|people|employee)s? (?:company|startup|start-up|shop|"
        r"agency|business)|\bwe(?:'re| are) (?:only |just )?(?:\d{1,2}|1\d\d) people\b|"
        r"\b(?:startup|start-up|seed[- ]stage|series a|small (?:company|shop|agency))\b"
    ),
    "large-org": (r"\b(organi[sz]ation of hundreds|director or vp)\b"),
    "already-known": (
        r"\b(?:i'?ve|i have) (?:already |both )?(?:read|seen|tried|heard|watched|done) "
        r"([^.?!;]{3,80})"
    ),
    "level-claim": (
        r"\b(basically|essentially|equivalent|equal|the same( as)?|same level|like an?|counts? "
        r"as|really|actually|means|call(s|ed)? (it|this|that)|is (it|that|this)|isn'?t (it|that))\b"
    ),
    "is-it-bad": (
        r"^(?:so |but |and |honestly,? )?(?:is (?:it|that|this)|would (?:it|that) be) (?:really )?"
        r"(?:bad|wrong|a mistake|a problem|selfish|lazy)\b"
    ),
    # "I have until Friday to answer", "the offer expires Monday": a decision with a date.
    "decide-by": (
        r"\b(?:have|got|gave me|given me)(?: (?:time|a few days|a week|the weekend))? until "
        r"(?:the )?(?:end of (?:the )?)?\w+|\b(?:answer|decide|decision|respond|reply)\w* "
        r"(?:by|before) (?:the )?(?:end of (?:the )?)?\w+|\b(?:offer|deadline)\b[^.?!]{0,20}\b"
        r"(?:expires?|ends?) (?:on )?\w+"
    ),
    "not-now": (
        r"\b(?:say(?:ing)? no|decline|turn(?:ing)? (?:it|this|that) down|pass on it|wait a cycle|"
        r"not (?:right )?now|for now|not sure i (?:even )?want)\b"
    ),
    "hurts-later": (
        r"^(?:so |but |and |honestly,? |ok(?:ay)?,? )?(?:will|would|could|does|is|won'?t) "
        r"(?:this|it|that|staying|holding \w+|writing that|doing that|waiting)\b[^?]{0,30}"
        r"\b(?:(?:hurt|harm|damage) (?:me|my (?:career|chances|promotion|growth))|(?:hurt|harm|"
        r"damage)\b(?! to\b)[^?]{0,12}\b(?:long[- ]term|later|in the long (?:run|term))|count "
        r"against me|look bad|set me back|hold me back)"
    ),
    "verdict:fine_to_stay_yes": (
        r"^(?:so |but |and )?(?:is it|would it be) (?:actually |really |totally |even )?(?:ok|okay|"
        r"fine|alright|all right|acceptable|normal|legit\w*) (?:to|if i) (?:just )?(?:stay|remain|"
        r"not (?:go|push|aim|want|chase))\b|^(?:so |but |and )?can i (?:just )?stay (?:senior|"
        r"at (?:my|this) level|an? \w+ (?:engineer|forever)|where i am)\b"
    ),
    "verdict:fine_to_stay": (
        r"^(?:so |but )?is it (?:bad|wrong|weird|a problem|a mistake|selfish|lazy) (?:for (?:me|my "
        r"career) )?(?:that i|to|if i) (?:don'?t|do not|not|never|stay|just stay|remain)\b"
        r"[^?]{0,40}\b(?:promot\w*|level|senior|staff|move up|climb\w*|sde[- ]?\w+|mid[- ]?level|"
        r"where i am)"
    ),
    # "Yes or no: should I volunteer for on-call early?": the entry ladder answers it.
    "verdict:join_on_call": (
        r"^(?:so |and |but |ok,? )?(?:should i|is it (?:a )?(?:good|smart|wise|worth it|ok|okay)"
        r"(?: idea)?(?: for me)? to|do i|would it help to) (?:\w+ )?(?:volunteer|sign up|join|"
        r"take|do|go|ask|get) (?:for |on |to |into |in )?(?:the |an? )?(?:early )?on-?call\b"
    ),
    # "He says I'm coasting if I don't go for staff. Am I?": declining is no coasting.
    "verdict:not_coasting": (
        r"^(?:so |and |but |honestly,? )?(?:am i|is (?:that|this|it)|does (?:that|this|it) make "
        r"me|does (?:that|this|it) mean i'?m) (?:(?:just|really|actually|being) ){0,2}(?:coasting|"
        r"lazy|unambitious|settling|complacent|wasting my (?:potential|career))\b"
    ),
    # "I don't want to go to HR yet. Is there anything in between?"
    "short-of-hr": (
        r"\b(?:anything|something|any (?:steps?|options?)|a step|options?|steps?)\b[^?]{0,30}"
        r"\b(?:in[- ]between|short of (?:hr|going to hr|a (?:formal )?complaint)|before (?:going "
        r"to |involving )?hr|less (?:formal|nuclear|drastic))|\b(?:middle ground|halfway house)\b"
    ),
    # "A guy who joined after me got promoted with a smaller project": a comparison to record.
    "peer-comparison": (
        r"\b(joined|started|came) after me\b[^.?!]{0,50}\bpromot\w*|\b(he|she|they|a guy|a man|"
        r"a woman|someone|a peer|a colleague|two (men|guys|peers|colleagues))\b[^.?!]{0,30}\bgot "
        r"promoted\b[^.?!]{0,40}\b(smaller|less|fewer|weaker|same|similar)\b"
    ),
    # "Do I take it to my lead or straight to the director?": who hears it first.
    "manager-or-above": (
        r"\b(?:talk|take|bring|raise|go|discuss|share|show|send|start|escalate|email|approach)\w*"
        r"\b[^?]{0,40}\b(?:manager|lead|team lead|tech lead|em|boss)\b(?: first)?,? or (?:go )?(?:"
        r"straight |"
        r"directly )?(?:to |with )?(?:the |my |our )?(?:skip[- ]level|director|head of|vp|"
        r"department head|their (?:manager|boss)|manager'?s manager)"
    ),
    # "I'm thinking of messaging my skip-level directly. Bad idea?"
    "to-skip-level": (
        r"\b(?:messag\w*|email\w*|talk\w* to|go\w* (?:straight |directly )?to|reach\w* out to|"
        r"ping\w*|writ\w* to|approach\w*|rais\w* (?:it|this) with) (?:my |the )?"
        r"(?:skip(?:[- ]level)?|"
        r"manager'?s manager|director)\b"
    ),
    "is-it-ok": (
        r"\b(?:bad|good|terrible|dumb) idea\b|\bshould i\b|\bis (?:it|that|this) (?:ok|okay|fine|"
        r"weird|wrong|too much|overstepping)\b"
    ),
    # "Money is roughly the same", "I'm not in it for the money": money is no motive here.
    "money-not-the-point": (
        r"\b(?:money|pay|salary|comp(?:ensation)?|the offer) (?:is|'s|would be|stays?) (?:roughly |"
        r"about |basically |pretty much |exactly )?(?:the same|equal|identical|similar)\b|\bsame "
        r"(?:money|pay|salary)\b|\bnot (?:about|in it for|doing (?:it|this) for) (?:the )?(?:money|"
        r"pay)\b|\bmoney (?:isn'?t|is not|doesn'?t) (?:the (?:point|issue)|matter)\b|"
        r"\bnot about pay\b"
    ),
    "manager-decides": (
        r"\b(?:does|do|will|would|is it) (?:my |the )?(?:manager|boss|lead|em) (?:alone |who )?"
        r"(?:decides?|make[s]? the (?:call|decision)|choose|pick)\b|\bwho (?:actually |really )?"
        r"decides (?:on )?(?:my |the |a )?promo\w*\b"
    ),
    "metrics-work": (r"\b(?:dashboards?|metrics|observability|monitoring)\b"),
    # "Can you draft a message saying no?", "how do I turn it down?"
    "declines-offer": (
        r"\b(?:say(?:ing)? no|declin\w*|turn(?:ing)? (?:it|this|that|them|him|her|the (?:role|"
        r"offer)) down|not tak(?:e|ing) (?:it|the (?:role|job|offer)))\b"
    ),
    "go-to-hr": (
        r"\b(?:should|do|can|could|would|shall) i (?:just |even |actually |now |then )?"
        r"(?:go (?:straight )?"
        r"to|talk to|escalate (?:it |this )?to|raise (?:it|this) with|report (?:it|this) to|file "
        r"(?:a complaint )?with|complain to|involve) (?:hr|human resources|people ops|the people "
        r"team)\b|^(?:so |then |ok,? )?(?:go(?:ing)? to )?hr\W*$"
    ),
    "landing-level": (
        r"\bwhat level (?:would|will|do|could|might) i (?:land|end up|come back|go back|start|be|"
        r"get)\b|\bwhich level (?:would|will|do) i\b|\bwould i (?:keep|lose) my (?:level|grade)\b|"
        r"\b(?:keep|lose) my (?:level|grade|title)\b|\b(?:go|come) back (?:in )?as (?:an? )?"
        r"(?:senior|staff|principal|mid|sde|l\d)\w*\b[^?]{0,20}\bor\b|\bland (?:as|at)\b"
    ),
    "hr-word": (r"\b(?:hr|human resources|people team|people ops)\b"),
    # "He says I'm coasting. Am I?": a bare question about what the message just quoted.
    "echo-question": (
        r"^(?:so |and |but |well,? )?(?:am i|is (?:he|she|it|that) (?:right|true|fair)|are they "
        r"right|is it true|does he have a point|does she have a point)\W*$"
    ),
    # "He told me that if I don't go for staff I'm coasting": a level named as someone
    # else's wish or as a thing not done is no goal of theirs.
    "goal-not-theirs": (
        r"\b(?:if i|i) (?:don'?t|do not|won'?t|will not|never) (?:go|aim|push|apply|try)\w* "
        r"(?:for|at|to)\b|\b(?:he|she|they|my (?:manager|boss|lead|skip[- ]level|director)) "
        r"(?:keeps? |kept |still )?(?:push\w*|want\w*|told|tells?|says?|said|thinks?|expects?)\b"
        r"[^.?!]{0,40}\b(?:staff|principal|senior|promot\w*|next level)"
    ),
    "coasting-word": (r"\b(?:coasting|lazy|unambitious|settling|complacent)\b"),
    "not-my-job": _NOT_MY_JOB,
    # "he says I'm coasting": someone else's charge, reported.
    "someone-says": rf"\b(?:he|she|they|{_BOSSES})\b[^.?!]{{0,30}}\b(?:{_REPORTING})\b",
    # "My manager says I'm basically a lock": the promise is the manager's, reported.
    "manager-said": rf"\b(?:{_BOSSES})\b[^.?!]{{0,30}}\b(?:{_REPORTING})\b",
    # "Am I failing?", "is something wrong with me?": the article's misconception, answered.
    "verdict:not_failing": (
        r"^(?:so |and |but |honestly,? )?(?:am i (?:just |already )?(?:failing|a failure|behind|"
        r"doing something wrong|falling behind)|is (?:there )?something wrong with me)\b"
    ),
    # "Will I get managed out if I stay senior forever?": senior is a career level.
    "verdict:senior_for_good": (
        r"\b(?:managed out|pushed out|fired|let go|penali[sz]ed|held against me)\b[^?]{0,60}"
        r"\b(?:stay\w*|remain\w*) (?:a )?senior|\b(?:stay\w*|remain\w*) (?:a )?senior\b[^?]{0,40}"
        r"\b(?:a risk|risky|a problem|managed out|held against)"
    ),
    "verdict:not_paranoid": (
        r"^(?:so |but )?am i (?:being )?(?:paranoid|crazy|imagining (?:it|this|things)|"
        r"overthinking|overreacting)\b[^?]{0,40}\b(?:bias\w*|unfair\w*|discriminat\w*|"
        r"sexis\w*|racis\w*)"
    ),
    # "Should I tell my manager I want senior?": the sources say make the goal explicit.
    "verdict:tell_your_manager": (
        r"^(?:so |but |ok(?:ay)?,? )?(?:should|do|can) i (?:just |simply |even |actually |"
        r"really )?(?:(?:really |actually )?(?:need|have) to (?:actually |"
        r"really |explicitly )?)?(?:tell|let|ask|talk to|bring (?:it|this) up with|"
        r"mention (?:it |this )?to) (?:my )?(?:manager|boss|lead)\b(?![^?]*\bnot\b)[^?]{0,60}"
        r"\b(?:promot\w*|senior|staff|principal|next level|goal|want|growth|case)"
    ),
    # "Should I just switch teams?": look at the work on the current team first.
    "verdict:not_necessarily_leave": (
        r"^(?:so |but |honestly,? |ok(?:ay)?,? )?(?:should|do) i (?:just |simply )?(?:leave "
        r"(?:my |the |this )?(?:team|company|job)|leave\s*\?|quit(?: my job)?|switch teams|"
        r"transfer(?: teams| to another team)?|change teams|move teams|find (?:a |another )"
        r"(?:team|job))(?![^?]*\bnot\b)"
    ),
    # "Should I escalate this to my skip-level?" after vague feedback or possible bias.
    "verdict:raise_it": (
        r"^(?:so |but )?(?:should|do) i (?:escalate|go|talk|raise|bring|take)(?: (?:it|this|"
        r"that))?(?: (?:up|further))?(?: (?:to|with))? (?:my |the |a )?(?:skip[- ]level|"
        r"director|hr|manager'?s manager|mentor)\b(?![^?]*\bnot\b)|^(?:so |but )?is it worth "
        r"(?:going|talking|speaking|reaching out|escalating)(?: it| this)? (?:to|with) "
        r"(?:my |the |a )?(?:skip[- ]level|hr|director|mentor)\b|\bgo(?:ing)? over (?:my )?"
        r"(?:manager'?s|boss'?s|lead'?s|his|her|their) head\b"
    ),
    # "Do I have to become a manager to keep growing?"
    "verdict:no_need_to_manage": (
        r"^(?:so |but )?(?:do|will|would) i (?:need|have) to (?:become|be|go into|move into|"
        r"switch to) (?:a |an )?(?:engineering )?(?:manager|management)\b(?! of)"
    ),
    # "Can I ask for a trial period, or is that a weird thing to ask?"
    "verdict:trial_ok": (
        r"^(?:so |but |ok(?:ay)?,? )?(?:can|could|should|do) i (?:just |even )?(?:ask|request|"
        r"push) (?:for |about )?(?:a |an )?(?:trial(?: period| run)?|tech[- ]lead[- ]manager|tlm)"
        r"\b|^(?:is it|would it be) (?:ok|okay|weird|strange|normal|reasonable) to ask for (?:a |"
        r"an )?(?:trial|tech[- ]lead[- ]manager)\b"
    ),
    # "Should I keep a brag doc?"
    "verdict:keep_a_log": (
        r"^(?:so |but )?(?:should|do) i (?:keep|write|start|maintain|have) (?:a |an )?(?:(?:brag|"
        r"running|work|promo\w*|achievements?|impact|wins?) (?:doc|document|log|journal|list|"
        r"file)|brag doc\w*|(?:work )?(?:log|journal))\b"
    ),
    # "Is it too early to think about promotion?"
    # "Should I just wait for my manager to bring up promotion?"
    "verdict:dont_wait": (
        r"^(?:so |but |honestly,? )?(?:should|do|can) i (?:just |simply )?(?:wait|keep my head "
        r"down)\b[^?]{0,60}\b(?:bring\w* (?:it |this )?up|raise\w*|notic\w*|offer\w*|promot\w*|"
        r"recogni[sz]\w*|put me (?:up|forward))"
    ),
    # "Am I crazy to care about the title?"
    "verdict:title_can_matter": (
        r"^(?:so |but |honestly,? )?(?:am i|is it) (?:crazy|wrong|silly|stupid|petty|shallow|"
        r"vain|bad)\b[^?]{0,30}\b(?:care|caring|worry|worrying|think\w*|bothered|hung up)\b"
        r"[^?]{0,20}\btitles?\b"
    ),
    # "is it bad that i still ask a lot of questions?": asking is expected; clear asking is
    # what the entry-level ladder looks for.
    "verdict:asking_ok": (
        r"^(?:so |but |and |also,? |honestly,? )?(?:(?:is (?:it|that)|would (?:it|that) be) "
        r"(?:really )?(?:bad|wrong|a problem|a bad sign|weak|unprofessional)|does it look bad|"
        r"will it hurt me|will i (?:get fired|be fired|get in trouble|look (?:bad|stupid|dumb|"
        r"incompetent)))\b[^?]{0,30}\bask\w*(?: \w+){0,2}? (?:a lot of |so many |too many |lots "
        r"of |many |dumb |stupid |basic )?questions|^(?:so |but |and |also,? )?am i asking (?:too "
        r"many|so many|a lot of|dumb|stupid|basic) questions"
    ),
    # "yes or no: do i need to work across teams" (about staff): the staff ladder says yes.
    "verdict:cross_team_yes": (
        r"^(?:so |and |but |ok,? )?(?:do|will|would) i (?:really |actually |still )?(?:need|have)"
        r" to (?:work |operate |go )?(?:across|with other|outside (?:my|the)|beyond (?:my|the)) "
        r"(?:own )?teams?\b|^(?:is|does) (?:it|staff|staff-plus|principal)\b[^?]{0,20}\b(?:require|"
        r"need|mean)s? (?:working )?(?:across|cross[- ])teams?"
    ),
    # "My lead said I ask too many questions. Is that bad?": the question is about asking.
    "asks-a-lot": (
        r"\bask(?:ing)? (?:a lot of|so many|too many|lots of|loads of) questions\b|\bask(?:ing)? "
        r"too many\b"
    ),
    "verdict:not_too_early": (
        r"^(?:so |but )?(?:is it|am i) (?:way |much |a bit )?(?:too early|too soon|premature)\b"
        r"[^?]{0,40}\b(?:promot\w*|senior|next level|think\w*|ask\w*|career)"
    ),
    # After a disclosure of possible bias: the worry that raising it is complaining.
    "complaining": (
        r"\b(seem|sound|look|come across)\w* (like )?(i'?m |i am )?(a )?(complain\w*|whin\w*|"
        r"paranoid|bitter|playing the \w+ card|making excuses)|(that|the) person who "
        r"(blames|complains|cries)\b"
    ),
    # "Should I go for it?": the person's call; the sources give what to weigh.
    "verdict:your_call": (
        r"^(?:so |but |honestly,? )?(?:should|do) i (?:even |really |actually )?(?:(?:go for|"
        r"push for|pursue|chase|aim for|try for|go after) (?:it|this|that|(?:a |the )?promo\w*|"
        r"promotion|senior|staff|principal|the next level|next level)|(?:want|need) (?:a |the )?"
        r"(?:promo\w*|promotion|senior|staff|principal|next level|a bigger title))\b"
        r"(?![^?]*\bnot\b)[^?]{0,15}\?$|^(?:so |but |honestly,? )?should i(?: even bother)?\?$"
    ),
    "verdict:cycles_are_common": (
        r"^(?:so |but )?is (?:it|this|that) (?:normal|common|usual)\b(?![^?]*\bnot\b[^?]*"
        r"\bnormal)[^?]{0,40}\b(?:not (?:to )?(?:get|be) promoted|(?:get|be|being) passed over|"
        r"miss(?:ed|ing)? (?:a |the )?(?:promotion|cycle)|denied (?:a )?promotion)\b"
    ),
    # "I've decided, I want senior": past deciding whether to go for it.
    "decided": (
        r"\b(i'?ve decided|i have decided|i'?ve made up my mind|made my mind up|i'?m sure i "
        r"want|i'?m committed to|decision made)\b"
    ),
    "promotion-talk": (
        r"\b(promot\w*|promo|next level|(still|yet) not (senior|staff|principal)|level up|"
        r"get to (senior|staff|principal|l\d)|"
        r"move up|(become|make|reach|want|aim\w*( for)?|being|be) (an? )?(senior|staff|"
        r"principal))\b"
    ),
    "wants-plan": (
        r"\b(a|the|my|your|concrete|action|actual|\d+[- ]day|"
        r"week[- ]by[- ]week)\s+plan\b|\b(next|coming|first) (30|60|90|thirty|sixty|"
        r"ninety) days\b|\b(for|over|during|in|across) (the )?next (few )?(weeks|month)\b|"
        r"\bweek[- ]by[- ]week\b|"
        r"\bstep[- ]by[- ]step\b|\b(top )?(2|3|4|5|two|three|four|five) (things|steps|"
        r"actions|priorities)\b"
    ),
    "others-growth": (
        r"\b(help\w*|mentor\w*|coach\w*|watch\w*|see\w*) (people|others|juniors|my team|"
        r"the team|them|engineers|folks)( to)? (grow|learn|develop)\w*"
    ),
    # "Burnt out on people management, thinking about going back to IC": worn down by the
    # work itself, said while asking about it. Heard, and the question answered; words of
    # crisis still get support first.
    "burnout-word": (r"\b(?:burn(?:ed|t)?[- ]?out|burning out|worn out|exhausted|drained)\b"),
    "feeling:burnt-out": (
        r"\b(?:burn(?:ed|t)?[- ]?out|burning out|worn out|exhausted|drained) (?:on|of|from|by) "
        r"(?:\w+ ){0,2}(?:management|managing|manager|on-?call|pager|meetings|the role|the job|"
        r"this job|that job|work|projects?|support|ops|firefighting|incidents|people)\b"
    ),
    "feeling:caring": (
        LIFE_LOAD + r")|(daughter|son|baby|twins) (is|are) \w+ (weeks?|months?) old|"
        r"(?:a |an )\d+[- ](?:week|month)[- ]old\b|long covid|"
        r"chronic (illness|pain|fatigue)|recovering from (surgery|an? (operation|illness|"
        r"injury)))\b"
    ),
    "feeling:inadequate": (
        r"\b(fraud|impost[eo]r|not good enough|out of my depth|in over my head|(slower|"
        r"worse|behind) than everyone|everyone (else )?(is|seems) (so much )?(faster|"
        r"better|smarter)|feel\w* (so )?(lost|stupid|useless|incompetent)|"
        r"feel\w* like (an? )?(idiot|failure|fraud|impost[eo]r|fake))\b"
    ),
    "feeling:anxious": (
        r"\b(panick\w*|nervous|worried|anxious(?! all)|worry(ing)? (that|about)|scared|afraid|"
        r"terrified|spiral(l)?ing|spiral(l)?ed|losing sleep|can'?t stop thinking about|"
        r"freak\w* out|stressed|stressful|dread\w*)\b"
    ),
    "feeling:unseen": (
        r"\b(invisible|unseen|overlooked|unnoticed|(nobody|no one) (notices|sees|cares)|"
        r"not taken seriously|never be seen as|only sees? my (commits|tickets)|(nobody|no one|"
        r"no-one) (even )?(mentioned|acknowledged|recogni[sz]ed|credited) (it|that|this|my))\b"
    ),
    "feeling:returning": (
        # Back from leave, not going on it ("my manager goes on parental leave next month").
        r"\b((back|returned|returning|came back|coming back) (from|after) (a |my )?(\w+ (weeks|"
        r"months) of )?(long )?(sick |medical |parental |maternity |paternity )?(leave|break|"
        r"illness))\b"
    ),
    "about-a-report": (
        r"\b(my (?:[\w-]+ ){0,2}(?:engineers?|reports?|direct reports?|team members?|devs|"
        r"developers)(?! (?:role|title|level|position|job|career|promo\w*|track|ladder|salary|"
        r"interview\w*|friends?|days|years)\b)|(?:one|two|three|some|a few|several|both|all|"
        r"most) of my (?:[\w-]+ ){0,2}"
        r"(?:engineers|reports|direct reports|team "
        r"members|people|devs|developers|ics|mid[- ]?levels|mids|seniors|juniors|new grads|"
        r"sdes|sde[- ]?(?:\d|i{1,3})s|ems|managers|leads|tech leads|team leads)|(?:reports|"
        r"engineers|developers|devs|people|folks|ems|managers|leads)\b[^?!]{0,80}\bone of them)\b|"
        # "One of the senior engineers in my org, Priya, …"
        r"\b(?:one|two|three|some|a few|several) of the (?:[\w-]+ ){0,2}(?:engineers|devs|"
        r"developers|"
        r"ics|people|seniors|juniors|sdes|ems|managers|leads) (?:in|on|under|from) my (?:org|"
        r"organi[sz]ation|team|teams|group|department|area|pillar)\b|"
        # "I lead a team of 8. One senior really wants staff" (read with who manages whom)
        r"\bone (?:[\w-]+ )?(?:senior|junior|mid[- ]?level|engineer|dev|developer|sde[- ]?\w*|"
        r"new grad)\b[^.?!]{0,30}\b(?:wants?|(?:is|has been|keeps) (?:asking|pushing)|asked|"
        r"hopes?)\b"
    ),
    "report-she": (r"\b(she|her|hers|herself)\b"),
    "report-he": (r"\b(he|him|his|himself)\b"),
    "feeling:tired": (r"\b(exhausted|drained|worn out|running on empty)\b"),
    # "She's going to be disappointed": someone else's feeling, not the speaker's.
    "their-feeling": (
        r"\b(?:she|he|they)(?:'s|'ll|'re| is| are| was| were| will| would| might| may| feels?| "
        r"felt| gets?| got| seems?)\b[^.?!,;]*"
    ),
    # "I'm furious and thinking about quitting": anger, and leaving on the table.
    "feeling:angry": (
        r"\b(furious|livid|fuming|pissed( off)?|(so |really |very |pretty )?angry|mad (about|at|"
        r"that))\b"
    ),
    # "Thinking of quitting for a startup": leaving on the table, no anger said.
    "feeling:leaving": (
        r"\b((thinking|thought) (about|of) (quitting|leaving(?! (?:for|to|into) (?:a |the )?"
        r"(?:management|manag|lead|another team|a different team))|handing in my notice)|"
        r"(want|ready|going|about) to quit|ready to (leave|walk))\b"
    ),
    # "I already asked my manager what it means": the obvious step is behind them.
    "already-tried": (
        r"^(?:\W*(?:well|but|yeah|yes|ok|okay|um|so|look)\W+)?i(?:'ve| have)? already (?:asked|"
        r"tried|did|done|talked|spoken|raised|told|brought|emailed|sent|written|wrote|requested|"
        r"pushed|had th)\w*|\b(?:i )?(?:did|tried|asked) (?:that|this|exactly that) already\b|"
        r"\bbeen there,? done that\b"
    ),
    "quitting": (r"\b(quit\w*|leav(e|ing)|resign\w*|my notice|walk (out|away))\b"),
    "feeling:hurt": (
        # ("getting crushed by pages" is load, not hurt)
        r"\b(upset|embarrass\w*|humiliat\w*|disappointed|gutted|devastated|(?<!getting )(?<!got )"
        r"(?<!being )crushed(?! (?:by|with|under))|stung|"
        r"demorali[sz]ed|demotivated|discouraged|deflated|"
        r"that stings)\b|\b(?:i'?m|i am|i feel|i felt|feeling|felt|was|so|really) hurt\b"
        r"(?! (?:my|your|our|the|his|her|their|me|it)\b)"
    ),
    "feeling:stuck": (
        r"\b(stuck|frustrat\w+|fed up|demotivated|discouraged|feels? impossible|"
        r"going nowhere)\b"
    ),
    "situation:deciding": (
        r"\b(should i (go|try|aim|push)|is (a )?promotion|worth (it|going|the effort|"
        r"chasing|pursuing)|even want|should i (even )?(be )?(think\w*|worry\w*|care\w*) "
        r"about|too early|too soon|(right|wrong) (goal|reason)|not sure (i|if)\b(?![^.?!]{0,30}"
        r"\b(hr|escalat\w*|report\w*|complain\w*|make (this|it|a)|bring (this|it) up|raise "
        r"(this|it)|go over))|stay\w* "
        r"(at|on) (my|the) (current )?level|do i (even |actually |really )?(need|want) "
        r"(a |the )?(promotion|promo|bigger title|next level)|(chas\w+|gunning for|go(ing)? "
        r"for) (a |the )?(promo\w*|promotion|next level)|don'?t (really |even )?want (to be "
        r"promoted|a promotion|the promotion|to move up)|(is it|would it be) (ok|okay|fine|"
        r"bad|weird|wrong|a mistake) (to|that i|if i) (not|don'?t|stay|never))\b"
    ),
    "situation:motivation": (
        r"\b(money|salary|pay|raise|title|recognition|why (do )?i want|pay ?(bump|rise|"
        r"check)|paycheck|compensation|comp|earn more|ego|acknowledg\w*|authority|(more|"
        r"a) say in|reasons? (for|to) (want\w*|go\w*)|why i (care|want))\b"
    ),
    "situation:downsides": (
        r"\b(stress|downsides?|work[- ]life|more meetings|less coding|stop (coding|building)|"
        r"less (time for |hands-on |building|code)|meetings all day|pressure|what'?s the catch|"
        r"trade-?offs?|scrutiny|the bar goes up|eat into (my|our) (evenings|weekends))\b"
    ),
    "situation:explicit-goal": (
        # "should I ask my manager about promotion directly or is that pushy?"
        r"\bask (?:my |the )?(?:manager|boss|lead)\b[^.?!]{0,30}\bpromo\w*|\b(?:too |a bit |"
        r"kind of )?pushy\b|"
        r"\b(wait\w*\b[^.?!]{0,40}\bnotic\w*|wait\w* to be promoted|keep (my|"
        r"your) head down|hope (they|someone) notices?|will (they|someone) notice|"
        r"explicit goal|(say|tell|telling|mention\w*) (it )?(out loud|openly|my (manager|"
        r"boss|lead))\b[^.?!]{0,40}\b(want|going for|goal)|name it as (my|a) goal|on purpose|"
        r"deliberate\w*|without (even )?trying|(happen|come) (on its own|by itself|"
        r"eventually|naturally)|just happen\w*)\b"
    ),
    "situation:not-a-reward": (
        r"\b(reward\w*|deserve\w*|worked (so )?hard|hard work|payback|prize|earned it|"
        r"loyal\w*|late nights|grind\w*|(put|putting) in (the|so many|all the) hours|bonus)\b"
    ),
    "situation:different-work": (
        # "my manager said 'keep doing what you're doing'": more of the same is not the next level
        r"\bkeep (?:on )?doing what (?:you'?re|you are|i'?m|i am) doing\b|\bkeep (?:it|this) up\b|"
        r"\b(different (work|job|kind of work)|next level|do(ing)? (more|better) of the same|"
        r"that an? \w+ (doesn'?t|does not)|difference between|versus|vs\.?|best (coder|"
        r"engineer|developer|programmer)|(my|the) (current )?job better|(other|another) kind "
        r"of work|something else entirely|(whole|rest of the) picture|crush\w* (it|every|my)|"
        r"hit\w* every (date|deadline)|but (more|faster)|just mean|(beyond|outside) (what'?s|what "
        r"is|what'?s been|what (he|she|they|i)('?s| is| are| am|'?m|'?re) ?) ?(assigned|asked)|"
        r"(only|just) (does|do|doing) (what'?s|what is|the) (assigned|asked|tickets?)|"
        r"wait(s|ing)? to be (told|assigned|given)|(that'?s|it'?s|that is|it is|isn'?t) not "
        r"(really )?my (job|responsibility)|(nobody|no one|no-one) (ever )?(asked|assigned) me)\b"
    ),
    "situation:maintenance-team": (
        r"\b(legacy|maintenance|maintain\w*|keep\w* the lights on|ktlo|sustaining|"
        r"old (\w+ )?(system|service|platform|codebase|monolith|app)|monolith|ancient|"
        r"\d+[- ]year[- ]old (code\w*|system|service|platform|monolith|app)|keep\w* (it|\w+) "
        r"(alive|running)|babysit\w*|(no|zero) "
        r"(new )?(features?|roadmap)|dependency (bumps|upgrades)|nobody wants to (touch|"
        r"rewrite))\b"
    ),
    "situation:operational-load": (
        r"\b(on[- ]?call|paged|" + PAGES + r"|paging|firefight\w*|incidents?|outages?|toil|ops|"
        r"operational|keep coming back|recurring|keeps? breaking|flak(y|iness)|"
        r"(ci|builds?|pipeline) (takes|is slow|fails)|slow builds?|alerts?|alarms?|woken up|"
        r"escalations?|support[- ](queue|tickets?|rotation|backlog)|tickets? (forwarded |escalated "
        r"|coming |sent )?(from|by) support|prod (is|goes|went) down|ticket "
        r"(load|queue|volume)|tickets?\b[^.?!]{0,40}\b(arrive|pile up|come in)|manual fix(es)?|"
        r"(putting|put) out fires|fires all|interrupt\w*)\b|\b(days|all day|"
        r"time) (fixing|firefighting|on)\b[^.?!]{0,20}\b(problems|issues|tickets|"
        r"bugs)\b|\bfixing customer (problems|issues)\b"
    ),
    "situation:no-opportunities": (
        r"\b(no (big )?(opportunit\w+|projects?)|nothing (big|challenging|to do)|(not|"
        r"isn'?t|aren'?t) (complex|challenging)|no senior (roles?|work|engineers?)|"
        r"isn'?t a single senior|where (is|are) (my|the) opportunit\w*|no (room|"
        r"space) to grow|(complex|big|hard|challenging|meaningful) enough|no (meaningful |"
        r"real )?(impact|scope|headcount)|(never|doesn'?t|don'?t) (come|comes) along|"
        r"(scope|work) (doesn'?t|does not) exist|no (promotion|growth|career) path|"
        r"dead[- ]end|not growing|nothing new|plateau\w*|hit a ceiling)\b|"
        # "That's not my job, nobody asked me to": the work nobody assigned is the opportunity.
        + _NOT_MY_JOB
        + r"|\b(?:nobody|no one|no-one) (?:ever )?(?:asked|assigned|told) me\b|"
        # "My team owns search and nobody else touches it. Where would cross-team work come from?"
        r"\bwhere (?:would|will|does|do|could|can|is|are) (?:the |that |such |any )?(?:"
        r"cross[- ]team|"
        r"staff[- ]level|bigger|broader|senior[- ]level|org[- ]wide|multi[- ]team) (?:work|scope|"
        r"problems?|projects?|opportunit\w+)\b|\bno (?:cross[- ]team|multi[- ]team) (?:work|"
        r"problems?|projects?|scope)\b"
    ),
    "situation:easy-work": (
        r"\b(too easy|easy work|boring|bored|small (tasks|work|tweaks|changes)|"
        r"paint(s|ing|ed)? buttons|mov\w* (pictures|images)|trivial|not (being )?stretched|"
        r"button colou?rs?|(change|swap) (a |the )?(button|image)s?|tiny (scope|tasks?|"
        r"features?|changes?|tickets?)|(is|are|feels?) "
        r"(so |too |really )?easy|nothing (interesting|hard)|crud)\b"
    ),
    # The belief the essay answers: only new things get promoted ("promotions come from
    # big launches", "that's just maintenance").
    "situation:existing-work": (
        r"\b(bug ?fix\w*|fixing bugs|existing (features?|services?|systems?|code)|not "
        r"promotable|(big |new )?launch(es)?|only (new|big) (features?|systems?|projects?)|"
        r"just maintenance|(performance|reliability|incremental) (work|improvements?)|"
        r"promo material|old feature|build something new|(count|counts) (for|toward)\w*)\b"
    ),
    "situation:manager-alignment": (
        r"\b(my (manager|boss|lead) (doesn'?t|does not|disagrees|isn'?t|won'?t|hasn'?t|"
        r"never|thinks)|manager (thinks|doesn'?t)|disagree\w* with my (manager|boss|lead)|"
        r"(manager|boss|lead) disagree\w*|(?:my|our) (?:manager|boss|lead) (?:literally |"
        r"just |keeps |always |explicitly )?(?:told|tells|wants|asked|expects) me to "
        r"(?:just |only )?"
        r"(?:close|ship|focus|do|keep|stick|stay|not)\b|"
        r"new manager|(manager|boss)\b[^.?!]{0,40}\b(ready|on board|support\w*|advocate|"
        r"put me up|make the case|my case)|talk\w* (to|with) my (manager|boss|lead))\b"
    ),
    # "My manager says reliability work doesn't count unless it's on the roadmap", "what if
    # he says it isn't a priority?": the work is real; the leader doesn't value it yet.
    "situation:undervalued-work": (
        r"\b((reliability|maintenance|ops|operational|on-?call|infra\w*|glue|support|toil|"
        r"cleanup|refactor\w*|migration|tech(nical)? debt|this|that|such|my|our) work "
        r"(doesn'?t|does not|won'?t|will not|wouldn'?t|isn'?t|is not|never) (count|get \w+ "
        r"promoted|matter|valued|rewarded|recogni[sz]ed)|(manager|boss|lead|director|he|she|"
        r"they)\b[^.?!]{0,50}\b(say|says|said|think|thinks|tells? me|will say|might say|"
        r"could say)\b[^.?!]{0,60}\b((?:not|isn'?t) (?:a |the |our |my |their )?(?:team'?s |"
        r"top |real )?priority|"
        r"doesn'?t count|won'?t count|not (on|part of) the roadmap|not promotable|isn'?t "
        r"promotable)|(is|are|gets?) never (rewarded|recogni[sz]ed|valued|counted)|never (?:gets?|"
        r"is|are) (?:rewarded|recogni[sz]ed|valued|counted)|"
        r"(doesn'?t|does not|won'?t|only) "
        r"(count|counts) unless|only (rewards?|values?|recogni[sz]es?|counts?) (new|shiny|"
        r"big) |(can'?t|cannot|won'?t|will never) (be|get) promoted because|(would|will) never "
        r"(count|value|reward|recogni[sz]e) (it|this|that)|(don'?t|do not|"
        r"doesn'?t) have (product|business|customer) impact|no (product|business) impact\b)"
    ),
    "situation:vague-feedback": (
        r"\b((vague|unclear|not actionable|generic|fuzzy) (feedback|answers?|reviews?|"
        r"comments?)|feedback[^.?!]{0,20}\b(vague|unclear|not actionable|fuzzy)|(same|still|"
        r"so) vague|more impact|show more|be more (strategic|proactive)|more leadership|"
        r"what does (that|it|this) (even |actually )?mean|shrug\w*|you'?ll get there|"
        r"(?:that'?s|it'?s|this is|which is) (?:so |pretty |really |very |just )?vague|"
        r"some gaps|grow more|confus\w* (by|about) (the |my |this )?(feedback|review)|came out "
        r"(more )?confused)\b"
    ),
    "situation:possible-bias": (
        r"\b(bias\w*|discriminat\w*|underrepresented|sexis\w*|racis\w*|only (woman|"
        r"women|girl|black|person of colou?r|one over \d+)|because (i'?m|"
        r"i am) (a )?(woman|female|black|older|gay|trans|immigrant|mother|mom)|two men|"
        r"the men (on|in) (my|the) team)\b|\b(asked|tried|raised it) (twice|again|"
        r"three times|several times|a few times|repeatedly)\b|\b(same|still) vague\b|"
        r"\b(being a (woman|mother|minority)|my (male|white) (peers|colleagues)|treated "
        r"differently|credited to others|my tone|too direct|no women|work visa|minorit\w+|"
        r"one of (the )?(two|three|few|only) (women|black|female)|the men who)\b|"
        # "A guy who joined after me got promoted with a smaller project": a fairness question.
        r"\b(joined|started|came) after me\b[^.?!]{0,50}\bpromot\w*|\b(isn'?t|is not|wasn'?t|not) "
        r"(really )?about (my|the) work\b|"
        # "I don't want to go to HR yet": what fairness steps there are short of it.
        r"\b(short of|before (going to|involving)|instead of|without (going to|involving)|go(ing)? "
        r"(to|through)|escalat\w* to) hr\b|\bhr\b[^.?!]{0,40}\b(nuclear|too (much|far|formal)|"
        r"drastic|big (step|deal))"
    ),
    "situation:missed-cycle": (
        r"\b(passed over|denied|didn'?t get (it|promoted|the promotion)|not promoted|"
        r"missed (the |a )?(promotion|cycle)|wasn'?t promoted|rejected|promo list|(maybe|"
        r"wait\w* (for |until |till )?(the )?|try again|again|another shot) next cycle|"
        r"(wasn'?t|was not) my (cycle|year)|didn'?t make it|not this time|maybe next time|"
        r"turned down|(this|my) cycle)\b|"
        # "two people who joined with me got bumped to engineer II and I didn't"
        r"\b(got|were|was) (bumped|promoted|moved up|leveled up|levelled up)\b[^.?!]{0,60}"
        r"\b(and|but) (i didn'?t|i did not|i wasn'?t|i was not|not me)\b"
    ),
    "situation:readiness": (
        r"\b(am i ready|ready for|readiness|gaps?|what (else )?i (still )?need to|already "
        r"(operating|working|performing|doing) (at|senior|staff|one|the next)|(one|a) level "
        r"up|self-?assess\w*|how (can|do) i (tell|know) (if|whether)|how long (does|will|would|"
        r"did|should|might|can|could|do) (it|this|that|a promotion|promotion|people)\b[^.?!]{0,40}"
        r"\b(take|promot\w*|get|reach|make)|(realistic|doable|enough time)\b[^.?!]{0,40}\b"
        r"(this|next) cycle)\b"
    ),
    "situation:level-expectations": (
        # "what do I still need to do to get there?", "what am I missing?": the gaps to a level
        r"\bwhat (else )?(do )?i (still )?need to (do|show|learn|prove|demonstrate|work on|"
        r"improve|get better at)\b|\bwhat am i (still )?missing\b|\bwhere (are )?my gaps\b|"
        r"\bhow far (am i|off am i)\b|"
        r"\b(what does an? \w+ (engineer )?(actually )?do|expectations?|expected (of|"
        r"from|to)|what should i be doing|now that i'?m|i (just |recently )?became|i('ve| have)? "
        r"(just |recently |finally )?(got|was|been) promoted|(^|[.!?]\s+)(just |recently )?(became|"
        r"got promoted)|what (is|are) (an? )?(senior|staff|"
        r"principal|sde|l\d)|"
        r"(next|that) level (actually )?looks? like|doing differently (as|at)|what does it "
        r"take|the bar (for|at)|entry[- ]level|am i (?:falling )?behind|(?:feel|feeling|less|so|"
        r"falling|fall) behind|behind (?:everyone|my "
        r"peers|the others|where i should be)|(?:everyone|they all) (?:else )?(?:seems?|is|are) "
        r"(?:so )?(?:much )?(?:smarter|better|faster|ahead)|(?:prs?|pull requests?) (?:are|is) "
        r"too (?:big|large|long)|"
        # "What does senior EM actually require that she isn't doing yet?"
        r"what does (?:an? |the )?(?:senior |staff |principal |first-line )?(?:em|engineering "
        r"manager|manager|director|tech lead|engineer|role|level)s? (?:actually |really |even )?"
        r"(?:require|need|involve|demand|expect))\b"
    ),
    "situation:staff-path": (
        r"\b(staff|principal|archetypes?|tech lead|architect|right hand|solver|across "
        r"teams|cross-team|beyond (my|the) team|maxed out|(several|multiple|two|three|four|five|"
        r"six|\d+) teams (here |in \w+ )?(each )?(built|have|run|maintain|own|use|wrote)( their "
        r"own)?)\b"
    ),
    "situation:management-switch": (
        # "cto offered me director of platform", "asked if I want to take over the team (6 people)"
        r"\b(?:offer\w*|asked|wants?) (?:me |if i (?:want|would like) )?(?:to (?:be|become|take|"
        r"run|lead) )?(?:the )?(?:director|head|vp|manager|lead) of (?:\w+ ){0,2}(?:team|platform|"
        r"engineering|org\w*|group|department)\b|\bdirector of (?:engineering|platform)\b|"
        r"\b(manager track|management|becom\w* an? (engineering )?manager|"
        r"people manager|switch\w* to manag\w*|em role|ems?|engineering manag\w*|"
        r"(enjoy|try|trying|into|consider\w*|about|like) managing(?! up)|"
        r"take over the team|step up as|manager role|people leadership|people management|"
        # "Not sure I want to manage people", "offered me the team lead role"
        r"\b(?:want|like|enjoy|try|trying|ready|able|good at|start|become)\b (?:to )?"
        r"manag(?:e|ing) (?:people|humans|a team|the team|engineers|others)|"
        r"\boffer\w* me (?:the |a )?team[- ]lead (?:role|position|job|spot)\b|"
        r"\basked (?:me )?(?:to be|to become|if i (?:want|would like) to be) (?:the |a )?"
        r"team[- ]lead\b|"
        # "Can I ask for a trial period?", "a tech-lead-manager role first?"
        r"trial period|tech[- ]lead[- ]manager|tlm role)\b"
    ),
    "situation:back-to-ic": (
        r"\b(back to (ic|individual contributor|coding|being an? (engineer|ic|developer)|"
        r"engineering|hands-on)|return\w* to (ic|coding|engineering)|ex-?manager|hands-on "
        r"again|swing back|hate managing)\b"
    ),
    "situation:comparing-offers": (
        # "what should i ask the startup before then", "i have to answer amazon by thursday"
        r"\b(?:ask|asking|questions? for) (?:the |this |that |each |both |the other )?(?:startup|"
        r"company|companies|recruiter|new team|new company)\b|\b(?:answer|reply to|get back to|"
        r"respond to) (?:amazon|google|meta|microsoft|apple|the offer|the recruiter|them)\b[^.?!]"
        r"{0,20}\bby\b|"
        r"\b(job offers?|an offer (from|at)|offers? from|(two|competing|both|the|these) offers|"
        r"(ask|asking|tell|call with|calls with|interview with|talk to|speak to) (the |their |each "
        r"|both )?(hiring managers?|recruiters?)|the recruiter (says|said|keeps|told)|apples to "
        r"apples|(amazon|google|meta|microsoft|facebook)\b[^.?!]{0,30}\boffer)\b"
    ),
    # "Thinking of quitting", "should I just transfer?", "I have a final round elsewhere".
    "situation:leaving": (
        r"\b(quit(?:ting)?|resign\w*|leav(?:e|ing) (?:the |my |this )?(?:team|company|job)|"
        r"(?:just )?leave\s*\?|transfer\w*|switch(?:ing)? teams|change teams|move teams|"
        r"job[- ]hop\w*|interview\w* elsewhere|final round|grass is greener|(?:move|moving|go|"
        r"going|switch|switching|join|joining|leave for|jump|jumping) (?:to )?(?:another|a "
        r"different|a new|an?other) (?:team|company|job)|walk away)\b"
    ),
    "situation:no-ladder": (
        r"\b(no (career )?ladder|startup|no (levels|titles|career framework|written "
        r"expectations|review process|performance reviews?)|flat (org|company)|tiny company|"
        r"small company|\d+[- ]person (company|startup|team)|no formal)\b"
    ),
    "situation:evidence": (
        r"\b(promo (doc|packet|case)|packets?|evidence|document my|brag doc|measur\w+|"
        r"(a|any|no|my|work) log|log of (what|my)|track record|write (it|"
        r"things) down|promo(tion)? doc\w*|self-?review|impact bullets|metrics to track|"
        r"(make|build) (a|my|the) case)\b|\b(same|similar) (work|job|things?|projects?) as\b|"
        # "What exactly should I bring to the CTO so he agrees?": the case, on paper.
        r"\bwhat (?:exactly |else )?(?:should|do|can|would) i (?:bring|show|present|take|put in "
        r"front of)\b[^.?!]{0,30}\b(?:cto|ceo|founder|director|vp|committee|skip[- ]level|"
        r"manager|boss|him|her|them)\b"
    ),
    "situation:visibility": (
        # ("There's no calibration, no review cycle": no calibration to be seen in.)
        r"\b(visib\w+|invisible|unseen|(?<!no )(?<!without )calibration|sponsors?|noticed|"
        r"skip[- ]level|"
        r"only sees? my|know my name|raise my profile|all-hands|other orgs|outside (my|the) "
        r"team)\b|\b(same|similar) (work|job|things?|projects?) as\b|"
        r"\bas much as (the|my) \w+ who\b|\b(nobody|no one|no-one|never) (even )?(mentioned|"
        r"acknowledged|recogni[sz]ed|brought up|credited)\b"
    ),
    "situation:leadership-feedback": (
        r"\b(more (impact|leadership|ownership)|show leadership|be more strategic|(lead|"
        r"drive|own) more|demonstrate leadership|scope of influence|needs? to drive|"
        r"(?<!next )(?<!a )step up(?! (?:to|from|the ladder))|"
        r"leadership\b[^.?!]{0,30}\b(mean|look like|as an ic)|lead without|(?:more |be |not )"
        r"proactive|proactivity|take (?:more )?initiative|"
        # "I'm not a manager. How am I supposed to lead anything?"
        r"how (?:am i|are we|is an ic|can i|do i|could i) (?:supposed |expected |meant )?(?:to )?"
        r"(?:lead|show leadership)|lead (?:anything|anyone|people|others) (?:without|if|as)|"
        r"leadership without|lead as an ic|"
        # "Two teams are hostile. How do I handle that without authority?"
        r"without (?:any |formal |real )?authority|no (?:formal |real )?authority|influence "
        r"without|(?:get|win|earn) (?:their|the other teams'?|other teams'?) buy-?in)\b"
    ),
    "situation:first-step": (
        r"\b(first (thing|step|move|action) (to|i|should|for)|what'?s (the|my) first (thing|"
        r"step|move)|do first|this week|start(ing)? (with|point)|"
        r"where (do|should) i (even )?(start|begin)|next step|what exactly|step one|one "
        r"(concrete )?(action|thing|step)|tomorrow morning|what do i (literally |actually )?do)\b"
    ),
    "situation:check-in": (
        r"\b(how often|check[- ]in|one[- ]on[- ]ones?|1:1s?|(quarterly|monthly|regular|"
        r"standing) (career )?(conversation|chat|agenda)|brings? up my (development|career|"
        r"growth)|once a year)\b"
    ),
    "situation:manager-of-team": (
        r"\b(my (engineers?|reports|direct reports|team members|people) (are|want|ask\w*|"
        r"keep)|i manage|as (a|their|the) manager|promot\w* (on|in) my team|"
        r"my team'?s (promotions?|careers?)|(one of )?my (engineers|reports|direct reports)|"
        r"one of my (engineers?|devs|developers)|(put|putting) (my|them|her|him) "
        r"(engineers? |reports )?up for)\b"
    ),
    "situation:no-time": (
        r"\b(no time|too busy|swamped|overloaded|(barely|never) (have|get) (the )?time|"
        r"barely have time|eats? (100%|all) of my|\d\d hours a week|can'?t do evenings|"
        r"(gets?|keeps? getting) pushed|never happens|single parent|when am i supposed to|when "
        r"would i (even )?(do|find the time for) (this|that|it)|(every )?sprints? (is |are )?"
        r"(always )?full|full of feature (tickets|work))\b"
    ),
    # "I'm caring for my dad this year; will writing 'stay where I am' hurt me long-term?"
    "situation:holding-steady": (
        LIFE_LOAD + r"|chronic\w*)|new(born| baby| parent)|(daughter|son|baby|twins) (is|are) \w+ "
        r"(weeks?|months?) old|(?:a |an )?\d+[- ](?:week|month)[- ]old\b|my health|long covid|"
        r"get well|chronic (illness|pain|fatigue)|"
        r"recovering from (surgery|an? (operation|illness|injury))|can'?t take on (any )?more "
        r"(right now|at the moment|this year)|stay(ing)? (put|where i am)|(see|seen|view|think "
        r"of|read) (me|it|that) as (not |un)ambitious|not (being )?ambitious( enough)?|lack of "
        r"ambition|look (lazy|unambitious|checked out)|"
        # Called coasting for not going for it ("he says I'm coasting"); "feels like I'm
        # coasting" on easy work is boredom, not a season of holding steady.
        r"((says?|said|thinks?|thought|calls?|called|told me|accus\w+)\b[^.?!]{0,45}\b(i'?m|i "
        r"am|me)|am i) [\x22'‘“]?(just )?(coasting|complacent|settling)|"
        r"(stay\w*|remain\w*) (senior|at (this|my) "
        r"level|where i am|put)\b[^.?!]{0,30}\b(hurt|affect|damage|hold \w+ back|look bad)|"
        r"say(ing)? no\b[^.?!]{0,30}\b(hurt|damage|look bad))\b"
    ),
    "situation:learning": (
        # "should i ask less and figure stuff out myself", "felt so dumb asking in slack"
        r"\bask(?:ing)? (?:less|fewer questions|too many questions|so many questions)\b|"
        r"\bfigur\w* (?:stuff|things|it) out (?:myself|on my own|alone)\b|\b(?:dumb|stupid) "
        r"questions?\b|"
        r"\b(learn\w*|stagnat\w*|get (much )?better at|new skills?|keep growing|grow(ing)? "
        r"as an? (engineer|developer|person)|personal growth|develop (my|new) skills)\b"
    ),
    "greeting": (r"^\s*(hi|hello|hey)\b[\s!.,]*$"),
    # A manager's report described as early-career (entry-level advice fits them).
    # Working with juniors ("I mentor the junior engineers") is not being one.
    "with-juniors": (
        r"\b(?:mentor\w*|help\w*|onboard\w*|manag\w*|lead\w*|coach\w*|teach\w*) (?:the |our |"
        r"my |two |a few |some |new )?(?:junior|new grad|intern|graduate)s?\b"
    ),
    "junior-report": (r"\b(junior|new grad|graduate|intern|entry[- ]level|first job)\b"),
    # How the profile reads a message (``coaching/profile.py``).
    "self-cues": (
        r"\b(i'?m|i am|i work as|i'?ve been|currently|my (level|role|title) is|as an?|"
        r"i just became|promoted to|became)\b"
    ),
    "target-cues": (
        r"\b(to|towards?|toward|become|reach|get to|promoted to|promotion to|aim for|"
        r"next level|go for|aim\w*|wants?|wanting|hoping|"
        # "passed over for SDE-3", "denied staff": the level not reached
        r"passed over for|denied|missed( out on)?|didn'?t (get|make)|turned down for|rejected "
        r"for|(put )?up for)\b"
    ),
    "bare-current": (
        r"\b(?:i'?m|i am|im|i'?ve been|i have been)\s+(?:already |now |currently |actually |"
        r"officially )?(?:an? )?"
        r"(senior|staff|principal)\b(?!\s+(?:\w+\s+)?(?:engineer|level|dev\w*|in|at|year|member|meeting|manager|director|"
        r"to))|"
        # "staff 2 yrs. want principal.": a level opening the message with time spent at it
        r"(?:^|[.!?]\s+)(senior|staff|principal)(?: eng(?:ineer)?| swe| dev)?,? (?:for )?"
        r"(?:\d+|one|two|three|four|five|six)\+? ?(?:yrs?|years?)\b"
    ),
    "already": (r"\b(already|actually|currently|now)\b"),
    "negated-level": (r"\b(?:not|no longer|never been|isn'?t|wasn'?t)\s+(?:an?\s+|the\s+)?$"),
    "bare-target": (
        r"\b(?:reach|become|make|get to|move to|jump to|promoted to|promotion to|"
        r"go for|aim(?:ing)? (?:for|at)|(?:not|never|keep not) getting|passed over for|"
        r"want(?:s|ed)?(?: to (?:be|get to|make|reach|"
        r"become))?|up for|push for|going for|shot at)\s+(?:a\s+)?(senior|staff|"
        r"principal)\b(?!\s+(?:software\s+)?(?:engineer|level|principal))"
    ),
    "promoted-past": (
        # The speaker's own promotion: "two people who joined with me got promoted to senior"
        # is someone else's.
        r"(?:\bi(?:'ve| have)?\s+|(?:^|[.!?]\s+))(?:just |recently |finally |was |got |been )+"
        r"promoted to\s+(?:a\s+)?(senior|staff|"
        r"principal|lead|l\s?[3-8]|sde[\s-]?(?:i{1,3}|[1-3]))\b"
    ),
    "manager-self": (
        r"\bi (?:now |currently |also )?(?:manage|lead|run) (?:a|an|the|my|our|two|"
        r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d+)\b"
        r"[^.?!]{0,30}\b(?:team|teams|engineers|people|ppl|folks|devs|developers|group|"
        r"former peers|peers)\b(?!'s|’s)|\bmy (?:direct )?reports\b|"
        r"\bi have (?:\w+ )?(?:direct )?reports\b"
        r"|\bmy (?:direct )?report\b(?: \([^)]{0,40}\))?,? (?:asked|told|said|wants|keeps|just|"
        r"thinks|is|has|got|was|wasn'?t|didn'?t|did|needs|came|went)\b|"
        # "I pushed hard for him in calibration", "I put her up for senior"
        r"\bi (?:pushed|fought|argued|advocated) (?:hard |really hard )?for (?:him|her|them)\b|"
        r"\bi put (?:him|her|them) up for\b|"
        r"\b(?:i'?m an? |as an? )(?:engineering )?(?:director|head of engineering|vp of "
        r"engineering)\b|(?<!my )(?<!our )(?<!the )(?<!his )(?<!her )(?<!their )"
        r"\b(?:director|head of engineering) here\b|\bi (?:run|manage|lead) \d+ teams\b"
        r"(?! to (?:write|do|file|finish|read|submit))|"
        # "I'm a team lead at a product company… one of my mid-levels": a lead of people.
        r"\bi'?m (?:an? |the )team lead\b|"
        r"\bi'?m (?:an? |the )?(?:senior |sr\.? |principal )?(?:engineering |people |software "
        r"(?:engineering |development )?)?manager\b|\bi'?m an? (?:senior |sr\.? )?em\b|"
        # "One of my engineers, Priya, didn't get promoted": their engineers, so their team
        r"\b(?:one|two|three|some|several|a few|both|all|most) of my (?:[\w-]+ ){0,2}(?:engineers|"
        r"reports|direct reports|devs|developers|ics|team members)\b|"
        # "about 35 people under me through three EMs"
        r"\b(?:\d+|a dozen|dozens of|two|three|four|five|six|several) (?:people|engineers|folks|"
        r"devs|ems|managers|engineering managers|leads) (?:under|reporting to) me\b|"
        r"\bi run an? (?:org|organi[sz]ation|department|group|division)\b|"
        # ("my manager here keeps saying…" is theirs, not them)
        r"(?<!my )(?<!our )(?<!the )(?<!his )(?<!her )(?<!their )(?<!new )(?<!eng )"
        r"(?<!engineering )\b(?:eng(?:ineering)? )?manager here\b|"
        r"(?<!my )(?<!our )(?<!the )(?<!their )\bem here\b|"
        r"\bas an? (?:engineering |people )?manager\b"
    ),
    "manager-aligned": (
        r"\bmy (manager|boss|lead)\b[^.?!]{0,40}\b(supports?|supportive|agrees?|backs?|"
        r"thinks i'?m ready|on board|(?:is|'s) behind me|(?:keeps )?(?:telling me|saying|says) "
        r"i'?m ['‘\"]?(?:close|ready|almost there))\b"
    ),
    "manager-misaligned": (
        r"\bmy (manager|boss|lead)\b[^.?!]{0,40}\b((doesn'?t|does not|won'?t|will not|"
        r"never) (support|agree|think i'?m ready|believe|want|back|put me up|"
        r"see me as)|disagrees?|(isn'?t|is not) (supportive|on board|convinced)|"
        r"(is )?against)\b|\b(misaligned|disagree) with my (manager|boss)\b"
    ),
    "manager-not-discussed": (
        r"\b(haven'?t|have not|never|didn'?t)\b[^.?!]{0,30}\b(talked|spoken|asked|"
        r"discussed|told)\b[^.?!]{0,30}\b(manager|boss|lead)\b|\b(manager|boss|"
        r"lead)\b[^.?!]{0,20}\b(hasn'?t|has not|never|didn'?t)\s+(said|mentioned|"
        r"brought up|raised)\b"
    ),
    "team": (
        r"\b(?:on|in|join(?:ed)?)\s+(?:a|an|the|our)\s+([\w-]+(?:\s[\w-]+)?)\s+team\b|"
        r"\bmy team (?:is|works on|owns|maintains)\s+(?:a |an |"
        r"the )?([\w\s-]{3,40}?)(?:[.,;!?]|$)"
    ),
    "track-management": (
        r"\b(becom\w*|mov\w* into|switch\w* to|go\w* into|try\w*|"
        r"thinking about) (an? )?(engineering |people )?(manager|management)\b|"
        # "My director offered me the engineering manager role", "asked if I want to be EM"
        r"\boffer\w* me (?:an? |the )?(?:\w+ ){0,2}?(?:engineering |people )?(?:manager|"
        r"management|em) (?:role|position|job|spot)\b|\boffer\w* me (?:the )?(?:director|head|"
        r"vp) of\b|\basked (?:me )?if i(?:'d| would)? (?:want|like) to (?:be|become|manage|run) "
        r"(?:an? |the )?(?:em|manager|team)\b|"
        # "the director offered me her role: EM for the team", "offered me his job as manager"
        r"\boffer\w* me (?:her|his|their|my manager'?s) (?:role|job|position)\b[^.?!]{0,12}\b(?:em|"
        r"manager|management|lead)\b"
    ),
    "track-ic": (r"\b(stay (an? )?(ic|individual contributor|technical)|ic track)\b"),
    # "Zero interest in becoming staff", "happy as a senior": no promotion wanted.
    "content-to-stay": (
        r"\b((?:zero|no|little|not much|not any) interest in (?:becoming|being|going for|moving "
        r"up|(?:a |the )?promotion|(?:a |the )?promo|staff|principal|senior|the next level)"
        r"(?! (?:and|but) (?:i )?(?:want|plan|aim))|(?:don'?t|do not|never) (?:really )?want "
        r"to (?:be(?:come)? (?:a |an )?(?:staff|principal|senior)|move up|climb|be promoted|go "
        r"for (?:a |the )?(?:promo\w*|staff|principal|senior|next level))|(?:don'?t|do not|never) "
        r"(?:really |actually |honestly |even )?want (?:a|the|another|any) (?:promotion|promo)\b"
        r"(?! (?:yet|unless|if|without)\b)|(?:not|never been) (?:really |that |very )?interested "
        r"in (?:(?:becoming|being|going for) (?:an? )?(?:staff|principal|senior|promo\w*|"
        r"next level)|"
        r"moving up|(?:a |the )?promo\w*|staff|principal|senior|the next level)\b(?! (?:yet|"
        r"unless|if)\b)|(?<!not )(?<!n't )(?<!never )(?:happy|content) (?:to stay|"
        r"staying|where i am|at my (?:current )?level|as an? (?:senior|sde[- ]?\d))|want to "
        r"stay (?:at )?(?:senior|my (?:current )?level|where i am|sde[- ]?\d))\b|"
        # "I'm not going for it this cycle": not now, by choice.
        r"\b(?:i'?m|i am|i'?ll be) not (?:going for|going after|pushing for|aiming for|putting "
        r"myself (?:up|forward) for) (?:it|senior|staff|principal|(?:a |the )?promo\w*|the next "
        r"level)\b|"
        # "I don't want the extra scope right now", "I'd rather just code": not now, by choice.
        r"\b(?:don'?t|do not) (?:really |actually |honestly )?want (?:the |any |all the )?(?:extra|"
        r"more|added|additional|bigger) (?:scope|responsibilit\w+|pressure|stress)\b"
        r"(?! without| to\b)|"
        r"\bi'?d rather (?:just )?(?:code|keep coding|stay hands-on|write code|stay (?:senior|"
        r"at (?:my|this) level|where i am))\b|\b(?:don'?t|do not) think i (?:really )?want "
        r"(?:to (?:be|go for|become|make) )?(?:staff|principal|senior|(?:a |the )?promotion|the "
        r"next level|to be promoted)\b(?! to\b)"
    ),
    # "What's different between mid-level and senior?", "SDE2 vs SDE3", "the jump from
    # senior to staff": the step between two levels is the question.
    "asks-delta": (
        r"\b(?:delta|what'?s (?:actually |really |concretely )?different|the (?:real |actual )?"
        r"difference|what (?:actually )?changes|what'?s the (?:real )?gap)\b"
    ),
    "level-comparison": (
        r"\b(?:differ\w*|distinguish\w*|separates?|vs\.?|versus|compared? "
        r"(?:to|with)|(?:the )?(?:gap|jump|step|leap) (?:from|between|to))\b|\bfrom\s+(?:an?\s+)?"
        r"[\w-]+(?:\s+engineer)?\s+to\s+(?:an?\s+)?(?:senior|staff|principal|mid|sde|l\d|ic)|"
        # "what does L4 actually do that L3 doesn't?"
        r"\bdo(?:es)? that (?:an? )?[\w-]+(?: engineers?)? (?:doesn'?t|does not|don'?t|do not|"
        r"can'?t)\b"
    ),
    "next-level": (r"\b(?:the )?next level\b|\bone level up\b|\bthe level above\b"),
    # Bare level words, read only inside a comparison ("mid-level and senior").
    "level-word:entry": (r"\b(?:junior|entry[- ]level|new grads?)\b"),
    "level-word:engineer": (
        r"\b(?:mid[- ]?level|mid(?![- ](?:year|cycle|term|quarter|size|sized|market|week|month|"
        r"day|sprint)))\b"
    ),
    "level-word:senior": (r"\bsenior\b(?! (?:manager|director|leadership|vp)s?\b)"),
    "level-word:staff": (r"\bstaff\b(?! (?:meeting|member)s?\b)"),
    "level-word:principal": (r"\bprincipal\b"),
    # What "it" is in "I don't want it": a promotion or a level the message speaks of.
    "promotion-context": (
        r"\b(promot\w*|staff|senior|principal|next level|the title|step up|tech lead|team lead|"
        r"lead developer|my career|(this|a|one|another) cycle|"
        # "my manager keeps pushing me toward E6": a company's level code
        r"(?:l|e|ic)(?:[3-9]|1[0-2])|sde[- ]?(?:i{1,3}|[1-3]))\b"
    ),
    "declines-it": (
        # "Is it bad for my career if I say no for now?", "I want to wait a cycle": not now.
        r"(?<!if i )(?<!if you )\b(?:say(?:ing)? no (?:for now|this (?:cycle|time|year))|wait "
        r"(?:a|another|one) cycle|hold(?:ing)? off (?:for now|this cycle|on (?:it|staff|the "
        r"promotion)))\b|"
        r"\bi (?:(?:really|honestly|actually|just)(?:\s*(?:\.{2,3}|…))?\s+)?(?:don'?t|do not|"
        r"never) "
        r"(?:really |honestly |actually |even )?want (?:it|that|the promotion|to)(?=\s*(?:[.!,;—-]|"
        r"$|though\b|anymore\b|at all\b|right now\b))"
    ),
    # "I changed my mind, I want the promotion after all": a choice to stay is over.
    "wants-it-after-all": (
        r"\b(?:changed my mind|i (?:do|now|actually) want (?:it|the promotion|to (?:go for|get)))\b"
    ),
    "yes-or-no": (r"\b(?:yes or no|yes/no)\b"),
    # "Be honest: should I just leave?": a lead before the question, asking it straight.
    "straight-lead": (
        r"(?:be honest|honestly|real talk|straight answer|be straight with me|tell me straight|"
        r"seriously|no sugar-?coating|honest question|quick question)\s*[:,—-]"
    ),
    # "Is that the kind of thing you mean?" about an example that spans teams and has no
    # owner: the ladder's own description of staff work.
    "example-check": (
        r"^(?:so |and |but |ok,? )?(?:is (?:that|this) it\W*$|is (?:that|this|it) (?:the kind of|"
        r"the sort of|what you "
        r"mean|an example of|staff[- ]level|staff[- ]shaped)|would (?:that|this|something like "
        r"(?:that|this)) count|does (?:that|this) count)"
    ),
    # Both halves of the ladder's staff description: several teams, and no owner.
    "several-teams": (
        r"\b(?:(?:two|three|four|five|six|several|multiple|\d+) (?:other |different )?teams|"
        r"every team|each team|across (?:the )?teams)\b"
    ),
    "no-owner": (
        r"\b(?:no(?:body| one) (?:owns|is driving|drives|is responsible|is owning|owned)|no "
        r"(?:single )?owner|unowned)\b"
    ),
    # "Is that the right ask or too small?", "Does this plan sound OK?": their own step,
    # checked, not a request for a plan.
    "plan-check": (
        r"\b(?:is (?:this|that|it) (?:a |the )?(?:good|right|reasonable|decent|ok|okay|solid|"
        r"sensible|realistic|smart|enough of a) (?:plan|ask|step|move|idea|approach|start|"
        r"first step|question)|(?:does|would) (?:this|that|it) (?:sound|seem|look) (?:right|ok|"
        r"okay|good|reasonable|enough)|am i missing (?:something|anything)|is (?:this|that|it) "
        r"(?:too small|enough|too little|too much)|(?:or|is that) too (?:small|little|much)\?|"
        r"is this plan (?:ok|okay|good|enough|realistic)|anything (?:(?:else )?(?:i'?m|i am) "
        r"missing|i should add|else i should do))|(?:^|[.!?]\s+)(?:sounds?|seems?|looks?) "
        r"(?:reasonable|ok|okay|good|right|sensible|like a plan)\W*$|(?:^|[.!?]\s+)(?:good|solid) "
        r"plan\?|(?:^|[.!?]\s+)(?:does that |that )?make(?:s)? sense\?"
    ),
    # A follow-up asking for a figure ("what is your page count?"), and one asking for the
    # step and its date: neither is asked once the person has said it.
    # "How long does it usually take?", "is 10 weeks realistic for this cycle?": a question
    # about time, which the cards that speak of quarters and cycles answer.
    "asks-how-long": (
        r"\bhow long (?:does|will|would|did|should|might|can|could|do)\b|\bhow (?:many|much) "
        r"(?:months|years|cycles|quarters|time)\b|\b(?:is|are) (?:it |that |this )?(?:even )?"
        r"(?:realistic|doable|enough time)\b|\b(?:\d+|two|three|four|five|six|eight|ten|twelve|"
        r"a few) (?:weeks|months) (?:enough|realistic)\b|\btoo (?:soon|early) for (?:this|the "
        r"next) cycle\b"
    ),
    "time-span": (r"\b(quarters?|cycles?)\b"),
    "quantity-question": (r"\b(how many|how much|count|number of|how often|how long)\b"),
    "asks-for-step": (
        r"\b(first (actionable )?step|one step|next step|by when|what date|when will you (have|"
        r"do|start|take))\b"
    ),
    # Passed over more than once: "it often takes a cycle or two" would minimise it.
    "repeated-miss": (
        r"\b((?:two|three|four|2|3|4|several|multiple) (?:cycles|times|reviews|rounds|"
        r"promo(?:tion)? cycles)|(?:second|third|fourth) (?:time|cycle)|twice|yet again|"
        r"passed over again|again passed over|denied again)\b"
    ),
    "reassures-a-cycle": (r"\b(common|a cycle or two|first cycle)\b"),
    "thanks": (
        r"^\s*(?:(?:ok(?:ay)?|k|kk|great|cool|perfect|got it)[,.!]?\s*)*(?:thx|thanks|thank you|"
        r"ty|cheers)(?:[,!.]?\s*(?:a lot|so much|very much|(?:this|that|it|you) (?:really )?"
        r"(?:helped|helps|was helpful|is helpful|was useful)|for (?:the|your) (?:help|advice)))*"
        r"\s*[!.]*\s*(?::\)|🙏)?\s*$"
    ),
    "hesitation": (
        r"\b(not sure (?:if )?i (?:even )?want|don'?t know if i (?:even )?want|"
        r"maybe i don'?t want|not sure (?:it'?s|that'?s) (?:what|for) me|"
        r"do i even want)\b"
    ),
    # "I don't care about the title or 'growth'": motives named to be set aside.
    "disowned": (
        r"\b(?:i )?(?:don'?t|do not) (?:really |even |actually )?care (?:about|for)\b[^.!?\n;,]*|"
        r"\bnot (?:about|for) the (?:title|growth|learning)\b[^.!?\n;,]*"
    ),
    "reported": (
        r"[\"“«‘][^\"”»’]{1,160}[\"”»’]|(?:(?<=\s)|^)'[^']{1,160}?'(?=[\s.,;:!?)]|$)|"
        r"\b(?:said|says|told me|feedback (?:was|is)|"
        r"wants me to|asked me to|review said|being told|been told|keep hearing)\b[^.!?\n,;:]*"
    ),
    # "I have a 1:1 with him on the 14th and I'm going to ask for…": the step after "and".
    "later-intent": (
        r"\b(?:and|so)\s+(?=(?:i will|i'll|i’ll|i am going to|i'm going to|i plan to)\b)"
    ),
    # The verbs a step begins with ("ask for…", "show him…"), for a step said mid-sentence.
    "step-verb": (
        r"(?:ask|talk|write|send|try|book|set up|bring|pick|put|start|message|email|ping|"
        r"schedule|draft|tell|raise|share|finish|post|block|pull|read|find|check|reach out|"
        r"follow up|propose|show|present|request|request|list|collect|go through|meet)\b"
    ),
    "intent-start": (
        r"^(?:(?:ok(?:ay)?|k|kk|so|then|alright|fine|right|yes|great|good|"
        r"and)[,!.]?\s+)*(?:(?:starting|from|on|by|next|this|tomorrow|today|tonight|"
        r"after)\b[^,.!?]{0,25}?,?\s+)?(?:i will|i'll|i’ll|i am going to|i'm going to|"
        # "ill ask…", "will ask my lead tmrw": terse, with the "I" left out.
        r"i'?m gonna|im going to|(?:ill|will)(?= (?:ask|talk|write|send|try|book|set|bring|pick|"
        r"put|start|message|email|ping|schedule|draft|tell|raise|share|finish|post|sit|block|"
        r"make|do|pull|read|look|find|check|reach out|follow up)\b)|"
        r"i plan to|i commit to|i'm committing to|my (?:next )?step (?:is|"
        r"will be)(?: to)?:?|next step:)\s+(?P<action>.{3,200})$"
    ),
    "terse-will": (
        r"^will (?:ask|talk|write|send|book|set up|bring|pick|put|start|message|email|ping|"
        r"schedule|draft|tell|raise|share|finish|post|block|pull|read|reach out|follow up)\b"
    ),
    # "Starting Monday, I'll…": the date is when the step begins, not when it is due.
    "start-lead": (
        r"^(?:(?:ok(?:ay)?|so|then|alright)[,!.:]?\s+)*(?:starting|from|beginning|after)\b"
    ),
    "not-an-action": (
        r"^(?:never|not|probably|be honest|admit|say|think|see|guess|try to explain)\b|"
        # "ok I'll try", "I'll do that", "I'll think about it": no step named.
        r"^(?:try|do (?:it|that|this)|give it a (?:try|shot|go)|look into it|think about it|"
        r"consider it|keep (?:it|that) in mind)(?: then| i guess| maybe)?\W*$"
    ),
    "anaphora": (
        r"^(?:have|get|finish|send|share|do|wrap up|complete)\s+(?:it|that|this|"
        r"them)\b|^(?:report back|follow up|let you know|circle back)\b"
    ),
    # ("how do I tell whether I'm already working at mid level?": asked, not held.)
    "hypothetical": (
        r"\b(would|could) i\b|\bif i (were|was|became)\b|"
        # …asked in the level's own clause: "whether I'm already working at mid level"
        r"\b(?:whether i'?m|am i|how (?:do|can|would|will) i (?:know|tell) (?:whether |if |that )?"
        r"i'?m)\b[^.?!,;]*$"
    ),
    "motive:compensation": (r"\b(money|salary|pay|paid|compensation|raise|comp)\b"),
    "motive:learning and growth": (r"\b(learn|learning|grow|growth|develop)\w*"),
    "motive:recognition": (r"\b(title|recognition|recogni[sz]ed|respect|credibility)\b"),
    "motive:more interesting work": (
        r"\b(interesting|challenging|bigger) (work|projects?|problems?)\b"
    ),
    "motive:influence": (r"\b(influence|authority|say in|voice)\b"),
    "motive:impact": (r"\b(impact)\b"),
    "motive:keeping pace with peers": (
        r"\b(peers?|everyone else|colleagues?) (got|are getting|get) promoted\b|"
        r"\bfalling behind\b"
    ),
    "blocker:heavy operational load": (
        r"\b(on-?call|paged|" + PAGES + r"|paging|firefight\w*|incidents?|outages?|toil|ops|"
        r"operational)\b|keep coming back|keeps? breaking|over and over|recurring|"
        r"same (bugs|issues|problems)|\b(days|all day|time) (fixing|"
        r"firefighting)\b[^.?!]{0,20}\b(problems|issues|tickets|bugs)\b|"
        r"\bfixing customer (problems|issues)\b"
    ),
    "blocker:maintenance-only work": (
        r"\b(legacy|maintenance|maintain\w*|keep the lights on|ktlo|sustaining)\b"
    ),
    "blocker:few visible opportunities": (
        r"\b(no|few|not enough|lack of) (opportunit\w+|big projects?|"
        r"interesting work)\b|not complex enough|nothing (big|challenging)"
    ),
    "blocker:vague feedback": (
        r"\b(vague|unclear|not actionable|generic) feedback\b|feedback (is|"
        r"was) (vague|unclear)"
    ),
    "blocker:work feels too easy": (r"\b(too easy|easy work|boring|paint(s|ing|ed)? buttons)\b"),
    "blocker:passed over in a cycle": (
        r"\b(passed over|denied|didn'?t get (it|promoted)|not promoted|"
        r"missed (the )?promotion)\b"
    ),
    "blocker:possible bias": BIAS_WORDS,
    "blocker:no time beyond current work": (r"\b(no time|too busy|swamped|overloaded)\b"),
    "opportunity:better metrics and dashboards": (
        r"\b(dashboards?|metrics|monitoring|observability)\b"
    ),
    "opportunity:systematically removing recurring operational problems": (
        r"\b(pareto|root cause|recurring (issues|problems)|reduce (pages|toil|"
        r"incidents))\b"
    ),
    "opportunity:automation": (r"\b(automat\w+)\b"),
    "opportunity:mentoring": (r"\b(mentor\w*)\b"),
    "opportunity:cross-team work": (r"\b(cross[- ]team|other teams|outside (my|our) team)\b"),
    "opportunity:technical direction": (r"\b(design doc|architecture|migration)\b"),
    "sentence-opening": (r"(?:^|[.!?\n]\s*)(?:hi|hey|hello)?[,!.\s]*$"),
    "question-start": (
        r"^(?:can|could|will|would|should|do|does|is|are|what|how|why|when|where|"
        r"who)\b"
    ),
    # How the responder and the guardrails read a message or a step.
    "promise": (
        r"\b(you will (definitely |surely |certainly )?(get|be) promoted|"
        r"i (can )?guarantee|guaranteed? (you |a )?promotion|i promise|"
        r"you'?re sure to (get|be) promoted)\b"
    ),
    "next-step": (
        r"\b(next step|this week|by (monday|tuesday|wednesday|thursday|friday|"
        r"the end)|try|start (by|with)|write down|schedule|book|ask your)\b"
    ),
    "complaint-markers": (
        r"\b(i can'?t|i cannot|we don'?t|we just|our work isn'?t|no opportunities|"
        r"not complex enough|isn'?t a single|nobody asked|never (been )?a priority|"
        r"boring for them|we have no|don'?t have time|no one gets promoted|"
        r"isn'?t challenging)\b"
    ),
    # A step that already involves someone, or is private (a recruiter, an interview loop):
    # no "mention it to your manager" is added.
    "asks-what-to-ask": (
        r"\b(?:what|which) (?:questions? )?(?:should|do|could|can|would) i (?:actually |even )?"
        r"ask\b|\bhow (?:should|do|can) i ask\b|\bquestions? (?:to|should i|i should) ask\b|"
        r"\banything (?:else )?i should ask\b"
    ),
    "with-person": (
        r"\b(managers?|boss|lead|cto|ceo|director|vp|skip[- ]level|mentor|hr|founder|1:1|"
        r"one[- ]on[- ]one|recruiter|interview\w*|offer|sprint planning|planning meeting|"
        r"retro\w*|stand-?up|staff meeting)\b"
    ),
    "weeks": (r"\b(days?|weeks?|month)\b"),
    "meeting": (
        r"\b(meeting|1:1|one[- ]on[- ]one|talk to|ask (him|her|them)|skip[- ]level|sync|call with|"
        r"sit down with|catch[- ]up|review with)\b"
    ),
    # "When is your next one-on-one?" after "our 1:1 is on Tuesday": already told.
    "load-stated": (
        r"\b(\d+|dozens?|a (lot|ton|bunch) of|lots of|constant(ly)?|all the time|every (day|"
        r"week|night|shift|sprint)|non-?stop|firefight\w*|always on call|on call all|keep(ing)? "
        r"the lights on|ktlo|toil|drowning|swamped|(pages|alerts|incidents|tickets|escalations) "
        r"(a|per|every) (day|week|night|shift)|same (issues|problems|pages|incidents)|over and "
        r"over|recurring|keeps? breaking|keep coming back)\b"
    ),
    "named-problem": (
        r"\b(?:most|all|half|the bulk|nearly all|almost all) (?:of )?(?:the |our |my )?(?:pages|"
        r"alerts|incidents|tickets|escalations|outages|problems|toil) (?:come|comes|are|is) "
        r"(?:from|caused by|about|due to)\b|\bthe (?:main|biggest|real) (?:problem|issue|pain|"
        r"pain point|source of pages) is\b"
    ),
    "asks-which-problem": (
        r"^(?:which|what) (?:recurring |single |one )?(?:page|alert|problem|operational problem|"
        r"pain point|issue|incident)s?\b"
    ),
    "asks-when-meeting": (
        r"\bwhen (?:is|will) (?:your|you have|that) (?:next )?(?:one[- ]on[- ]one|1:1|meeting|"
        r"conversation|talk)\b|\bwhen will you have (?:that|the|this) conversation\b"
    ),
    # Steps a coach does not call "a good step" unasked: leaving, or a threat.
    "leaving-step": (r"\b(quit|resign\w*|leave|walk out|give notice|ultimatum|if i don'?t get)\b"),
    # "…last Tuesday", "cancelled": a meeting that was, not the next one.
    "meeting-past": (
        r"\b(cancel\w*|last (?:monday|tuesday|wednesday|thursday|friday|week)|yesterday)\b"
    ),
    "own-work": (
        r"\b(?:your (?:own )?work|you(?: are|'re) working on|your (?:own |promotion )?case|"
        r"describe you|your (?:last|next) (?:quarter|review|cycle)|you(?: have|'ve) (?:already )?"
        r"(?:started|been|done))\b"
    ),
    "and-then": (r"\s(?:and(?: then)?|then|,\s*then)\s"),
    "when-said": (
        r"\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|tomorrow|today|tonight|next "
        r"week|this week|on the \d{1,2}(?:st|nd|rd|th)?|the \d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|"
        r"apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?)\b"
    ),
    "back-to-work": (
        r"\b(i'?m (ok|okay|fine|better) now|feeling better|back to (my )?(career|"
        r"promotion)|let'?s (get back|talk about (my )?(career|promotion)))\b"
    ),
    "commits": (r"\b(i|we)('ll| will| plan to| am going to|'m going to)\b"),
    # "Three things", "5 steps": not "the next 3 months".
    "count": (
        r"\b(2|3|4|5|two|three|four|five) (?:\w+ )?(things|steps|items|actions|points|priorities|"
        r"ideas|moves|tips)\b"
    ),
    # How an answer to "how did it go?" reads (``coach/plan/model.py``).
    "answer-done": (
        r"\b(done|did it|did that|finished|completed|shipped|delivered|wrapped up|yes[,!. ]|"
        r"i did|we did|made it|sent it|had the (conversation|talk|1:1|one-on-one))\b"
    ),
    # "Done it, what now?" within the conversation that agreed the step.
    "reported-done": (
        r"^\W*(?:(?:ok(?:ay)?|so|well|yes|yep|update)[,.:!]?\s+)*(?:(?:i'?ve|i have|i|we'?ve|"
        r"we) (?:just |already |finally )?(?:done|did|finished|completed|shipped|sent|wrapped "
        r"up)|(?:it'?s |all )?done|did it|finished)(?:\s+(?:it|that|this|the|my|both|all|them)\b"
        r"|\s*[,.!:;—-]|\s*$)"
    ),
    "answer-slipped": (
        r"\b(not yet|didn'?t|did not|haven'?t|have not|slipped|no time|ran out of time|"
        r"postponed|delayed|behind|couldn'?t|could not|next week instead)\b"
    ),
    "answer-dropped": (
        r"\b(dropped|gave up on|no longer|not doing it|decided against|cancel+ed)\b"
    ),
    "manager-word": (r"manager|\bem\b"),
}


#: Level names as English speakers write them, each with the canonical form it is stored as.
SPECIALTY = (
    r"(?:(?:software|backend|back-end|frontend|front-end|full[- ]?stack|mobile|ios|android|"
    r"data|ml|machine learning|platform|infrastructure|infra|devops|site reliability|sre|"
    r"security|qa|test|embedded|systems|web|cloud|java|python|go|c\+\+|game)\s+){0,2}"
)
LEVEL_PATTERNS: list[tuple[str, str]] = [
    (r"\b(?:sde|swe)[\s-]?(i{1,3}|[1-3])\b", "SDE-{n}"),
    (r"\b(?:engineer|eng)\s+(i{1,3}|[1-3])\b", "Engineer {N}"),
    (r"\bl\s?([3-8])\b", "L{n}"),
    (r"\b(?:meta\s+)?e([3-8])\b", "E{n}"),  # Meta's E3–E8 follow the generic L-numbers
    (r"\bic\s?([1-7])\b", "IC{n}"),
    (
        r"\b(entry[- ]level|junior|new grad|graduate|intern|(?:bootcamp|recent|fresh) "
        r"grad(?:uate)?|"
        r"just graduated|i graduated (?:last|this) (?:year|spring|summer|fall|autumn|winter|"
        r"(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december)|"
        r"straight out of (?:school|college|uni|university|a bootcamp))\b"
        r"(?:\s+(?:software\s+)?engineer)?",
        "entry engineer",
    ),
    (r"\b(mid[- ]level)\b", "engineer"),
    # "senior backend engineer", "staff ML engineer": a specialty between level and role.
    (
        rf"\b(senior|sr\.?)\s+{SPECIALTY}(?:engineer|eng|dev|developer|swe|sde)\b",
        "senior engineer",
    ),
    (rf"\b(staff)\s+{SPECIALTY}(?:engineer|eng|level|sde|swe|dev|developer)\b", "staff engineer"),
    (rf"\b(principal)\s+{SPECIALTY}(?:engineer|eng|sde|swe|dev|developer)\b", "principal engineer"),
    # "Senior Principal" (a level above principal on some ladders): the top of ours.
    (r"\b(senior principal)\b", "principal engineer"),
    (r"\b(engineering manager|em)\b", "engineering manager"),
]

#: Small numbers as words ("three things", "in two weeks").
NUMBER_WORDS: dict[str, int] = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

#: Words BM25 skips (``coach/retrieval/lexical.py``).
#: Words nearly every card and message about careers share ("senior", "level", "team"):
STOPWORDS = frozenset(
    """
    a about all also am an and any are as at be been being but by can could did do does
    for from has have how i if in into is it its just me more most my no not of on only
    or other our out own same should so some such than that the their them then there
    these they this to too up us very was we were what when where which who whom why
    will with would you your yours
    """.split()
)
#: Stems the Snowball stemmer leaves apart but a reader treats as one word.
DERIVATIONS: dict[str, str] = {"mainten": "maintain"}
#: Colloquial phrases → the corpus's own words, added to the retrieval query
#: (``coach/coaching/prompt.py``).
EXPANSIONS: list[tuple[str, str]] = [
    (
        r"keep coming back|over and over|again and again|same (bugs|issues|problems)|recurring",
        "recurring operational problems",
    ),
    (
        r"\b(paged|pages|paging|on-?call|firefight\w*|incidents?|toil)\b",
        "operational problems pages operational load",
    ),
    (
        r"\b(legacy|maintain\w*|maintenance|keep the lights on|ktlo)\b",
        "maintenance mode system senior engineer opportunities",
    ),
    (r"\b(boring|too easy|paint(s|ing|ed)? buttons)\b", "job too easy opportunities think big"),
    (r"\b(vague|unclear) feedback\b", "feedback vague not actionable bias"),
    (
        r"\b(passed over|didn'?t get promoted|not promoted|denied)\b",
        "not promoted cycle feedback next cycle",
    ),
    (r"\bmy (manager|boss)\b", "manager promotion case alignment"),
    (
        r"\bno (career )?ladder|\bno (levels|titles)\b|\bflat (org|company)\b",
        "find out the expectations for the role partner with your manager career ladder levels",
    ),
    (
        r"what would (a|an) (senior|sde-?3|l5)( engineer)? do",
        "if SDE-3 came on our team what they would do metrics dashboard Pareto chart",
    ),
    (
        r"should i (even )?(be )?(think\w*|worry\w*|care\w*) about|too (early|soon) (to|for)",
        "okay and expected to put active effort into advancing your career",
    ),
    (
        r"\b(plan|roadmap)\b|\bnext (30|60|90) days\b|\bnext month\b",
        "first step make your goal explicit to your manager running log of evidence next step",
    ),
    (
        r"\b(only (woman|women|black|person of colou?r)|underrepresented|bias\w*|discriminat\w*)\b",
        "bias underrepresented groups promotion active effort explicit goal",
    ),
    (
        r"\b(packet|promo (doc|case)|promotion (doc|case|document)|brag doc)\b",
        "promotion document written case evidence measurable results",
    ),
    (
        r"\blaunch(es)?\b|\bjust maintenance\b|\bonly new (features|systems)\b",
        "no one gets promoted by fixing bugs or improving existing features new systems",
    ),
    (
        r"\b(a|any|no|my|work) log\b|\bbrag doc|\bin my head\b",
        "keep a running log of your work evidence written at the time",
    ),
    (
        r"\b(invisible|unseen|nobody notices|only sees my)\b",
        "visibility calibration sponsors people deciding may not know you",
    ),
]

#: How English speakers give a due date (``coach/coaching/dates.py``).
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
}
DATE_LEAD = r"by|before|on|until|till|no later than|this|next"
DATE_NEXT = r"next"
DATE_UNITS: dict[str, int] = {"day": 1, "week": 7, "month": 30}  # unit word (stem) → days
DATE_PHRASES: dict[str, str] = {
    "iso": r"\b(?:by |before |on |until )?(\d{4}-\d{2}-\d{2})\b",
    "eom": r"\b(?:by |before |until )?(?:the )?end of (?:the |this )?month\b",
    "eonm": r"\b(?:by |before )?(?:the )?end of next month\b",
    "eoq": (
        r"\b(?:by |before )?(?:the )?end of (?:the |this )?(?:quarter|q)\b|\b(?:by |before )?eoq\b"
    ),
    "eow": r"\b(?:by |before )?(?:the )?end of (?:the |this )?week\b|\b(?:by |before )?eow\b",
    "weekend": r"\b(?:by |before |over |during )?(?:this |the )weekend\b",
    "eonw": r"\b(?:by |before )?(?:the )?end of next week\b",
    "nextweek": r"\b(?:by |before |during )?next week\b",
    "thisweek": r"\b(?:by |during )?this week\b",
    "nextmonth": r"\b(?:by |during )?next month\b",
    "tomorrow": r"\b(?:by )?(?:tomorrow|tmrw|tmr|tomorow)\b",
    "today": r"\b(?:by )?(?:today|tonight)\b",
    "in": r"\bin (\d{1,2}|a|one|two|three) (day|week|month)s?\b",
    # After an optional weekday ("Friday the 14th"); "the 2nd draft" is no date.
    "nth": (
        r"the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:draft|version|round|time|attempt|iteration|"
        r"place|revision|floor|percentile|cycle|year|level|quarter|sprint|release|try)\b)"
    ),
}
