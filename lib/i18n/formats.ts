import type { Formats } from "next-intl";

// 24-hour times: the console is read by support teams around the clock, and the platform's
// CLDR data renders Korean 12-hour times as "PM 2:03".
export const formats = {
  dateTime: {
    minute: { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" },
    second: { dateStyle: "short", timeStyle: "medium", hourCycle: "h23" },
  },
} satisfies Formats;
