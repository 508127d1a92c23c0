"""The RiveScript peer's host for the whole-process bench (Scripts/bench): reads a script of user lines (blank lines and
`#` comments skipped), prints each after `> ` with the bot's reply, and writes a transcript record per turn as one
JSON line with one write(2), fsync at the end, as `notice-assistant run --script FILE --transcript FILE` does.

Usage: python rivescript_driver.py BOT.rive SCRIPT TRANSCRIPT
"""
import json, os, sys, time
from rivescript import RiveScript

bot_file, script, transcript = sys.argv[1:4]
bot = RiveScript(utf8=True)
bot.load_file(bot_file)
bot.sort_replies()
fd = os.open(transcript, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
os.write(fd, (json.dumps({"type": "start", "bot": os.path.basename(bot_file), "at": time.time()}) + "\n").encode())
out = sys.stdout
turn = 0
with open(script, encoding="utf-8") as lines:
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        turn += 1
        reply = bot.reply("person", line)
        out.write("> " + line + "\n" + reply + "\n")
        record = {"type": "turn", "turn": turn, "at": time.time(), "user": line, "reply": reply,
                  "topic": bot.get_uservar("person", "topic")}
        os.write(fd, (json.dumps(record, ensure_ascii=False) + "\n").encode())
os.write(fd, (json.dumps({"type": "end", "turns": turn}) + "\n").encode())
os.fsync(fd)
os.close(fd)
