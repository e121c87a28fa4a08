"""The peer in `npm run bench`: Apprise, used as a Python library in one long-running process,
delivering the same alerts to the same fake receivers (Mattermost-style and generic JSON)."""
import sys
import time

import apprise

port, count = int(sys.argv[1]), int(sys.argv[2])
notifier = apprise.Apprise()
notifier.add(f"mmost://127.0.0.1:{port}/benchbenchbenchbenchbenchb")
notifier.add(f"json://127.0.0.1:{port}/sink/apprise")
# Apprise paces some services itself (Mattermost: one request per 5 s). Turn that off so the
# peer is measured at its fastest, not at its politest.
for server in notifier:
    server.request_rate_per_sec = 0

started = time.monotonic()
for i in range(count):
    notifier.notify(title="고객 메시지 접수", body=f"홍길동: 배송 문의드립니다 (bench_a{i}_)")
print(f"elapsed_ms={int((time.monotonic() - started) * 1000)}")
