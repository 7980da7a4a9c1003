"""The people goods are bought for or shared with, said in a comment (一罐给我爸, 送到2栋 给我婆婆, 每人一盒给我妈,
给我闺女来一件): one list of the words, read by ``asides`` (parts given to someone), ``notes`` (who a delivery is for)
and ``lexicon`` (a person is no thing anyone buys). They are the words of family and the people around a buyer, the
same for every store, so they live here and not in any catalog.
"""

from __future__ import annotations

# family, as a buyer names them (妈 and 妈妈, 姐 and 姐姐)
FAMILY = ("妈妈?|爸爸?|老[妈爸]|爸妈|父母|老人|孩子|小孩|老公|老婆|媳妇|儿子|女儿|闺女|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|"
          "岳父|岳母|丈母娘|姐姐?|哥哥?|弟弟?|妹妹?|亲戚|老伴儿?|老头子?|老太婆|另一半|家人")
# the people around a buyer who are not family
CIRCLE = "邻居|朋友|同事|老师|闺蜜"
# children and grandchildren counted or named by their place among siblings (大宝, 老二, 外孙女, 龙凤胎)
YOUNG = "外?孙[子女]?|外孙女|双胞胎|龙凤胎|宝宝|大宝|二宝|小宝|老大|老二|老三|侄[子女]|外甥女?"
# any of them
PEOPLE = f"{YOUNG}|{FAMILY}|{CIRCLE}"

__all__ = ["CIRCLE", "FAMILY", "PEOPLE", "YOUNG"]
