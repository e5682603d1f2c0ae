"""Short texts in Arabic, Hebrew, Korean and Japanese, written for the tests: a new bakery in a made-up street.

Each has two paragraphs; the Arabic and Hebrew ones name a person in Latin letters (a bidirectional line) and use
their language's abbreviation for "Dr."; ``SENTENCES`` is how each must be split.
"""

from __future__ import annotations

TEXTS = {
    "ar": (
        "افتتح مخبز جديد في شارع الياسمين يوم السبت. قال د. سامي ناصر، صاحب المخبز، إن الخبز يُخبز كل صباح.\n"
        "وأضافت الطاهية Lina Marsh أن كعك التمر هو الأكثر طلبًا. هل ستُفتح فروع أخرى؟ لا أحد يعرف بعد.\n"
    ),
    "he": (
        'מאפייה חדשה נפתחה ביום ראשון ברחוב הזית. ד"ר נועה לוי, בעלת המאפייה, אמרה שהלחם נאפה כל בוקר.\n'
        "הטבח Tom Reed אמר שהעוגות נמכרו עד הצהריים. האם ייפתחו סניפים נוספים? עוד לא ידוע.\n"
    ),
    "ko": (
        "새 빵집이 토요일에 문을 열었다. 주인 김하늘 씨는 매일 아침 빵을 굽는다고 말했다.\n"
        "손님들이 줄을 섰다! 다른 지점도 생길까? 아직 아무도 모른다.\n"
    ),
    "ja": (
        "土曜日に新しいパン屋が開店しました。店主の山田さんは毎朝パンを焼くと話しました。\n"
        "お客さんが並びました！ほかの店もできるのでしょうか？まだわかりません。\n"
    ),
}
"""The test texts by language tag."""

SENTENCES = {
    "ar": [
        "افتتح مخبز جديد في شارع الياسمين يوم السبت.",
        "قال د. سامي ناصر، صاحب المخبز، إن الخبز يُخبز كل صباح.",
        "وأضافت الطاهية Lina Marsh أن كعك التمر هو الأكثر طلبًا.",
        "هل ستُفتح فروع أخرى؟",
        "لا أحد يعرف بعد.",
    ],
    "he": [
        "מאפייה חדשה נפתחה ביום ראשון ברחוב הזית.",
        'ד"ר נועה לוי, בעלת המאפייה, אמרה שהלחם נאפה כל בוקר.',
        "הטבח Tom Reed אמר שהעוגות נמכרו עד הצהריים.",
        "האם ייפתחו סניפים נוספים?",
        "עוד לא ידוע.",
    ],
    "ko": [
        "새 빵집이 토요일에 문을 열었다.",
        "주인 김하늘 씨는 매일 아침 빵을 굽는다고 말했다.",
        "손님들이 줄을 섰다!",
        "다른 지점도 생길까?",
        "아직 아무도 모른다.",
    ],
    "ja": [
        "土曜日に新しいパン屋が開店しました。",
        "店主の山田さんは毎朝パンを焼くと話しました。",
        "お客さんが並びました！",
        "ほかの店もできるのでしょうか？",
        "まだわかりません。",
    ],
}
"""How each test text splits into sentences, in reading order."""

DIRECTIONS = {"ar": "rtl", "he": "rtl", "ko": "ltr", "ja": "ltr"}
"""The writing direction of each test text."""
