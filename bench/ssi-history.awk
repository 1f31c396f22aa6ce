# Simulated SSI histories for bench/ssi-fdr.sh: for each of `senders` senders (h001, h002, ...), `days` days from
# 2026-01-05 of three activities and four pillars, written as `campaign ssi import` and `campaign activity import`
# read them (ssi.csv and activity.csv in `dir`).
#
#   awk -v seed=1 -v senders=200 -v days=150 -v phi_x=0.85 -v phi_y=0.6 -v effect=0 -v dir=DIR -f ssi-history.awk
#
# Activity: Poisson counts whose log-rate follows a stationary AR(1) with coefficient phi_x and standard deviation 1
# (bursty: a busy week, then quiet ones), at a mean of 0.3 posts, 2 comments and 8 likes a day. Pillars: each day's
# change is a drift of 0.002 plus noise following a stationary AR(1) with coefficient phi_y and standard deviation
# 0.05, the level shown to two decimals and held within 0 to 25. With effect > 0 each post lifts the brand by
# `effect` two days later (the demo plants 0.25); otherwise activity and SSI are independent.
function normal(   u, v) {
  u = rand(); v = rand()
  return sqrt(-2 * log(1 - u)) * cos(6.283185307179586 * v)
}
function poisson(rate,   limit, k, p) {
  limit = exp(-rate); k = 0; p = rand()
  while (p > limit) { k++; p *= rand() }
  return k
}
BEGIN {
  srand(seed)
  split("posts comments likes", names, " ")
  split("0.3 2 8", means, " ")
  split("8 11.8 9.6 13.1", starts, " ")
  ssi = dir "/ssi.csv"; activity = dir "/activity.csv"
  print "date,sender,brand,people,insights,relationships" > ssi
  print "date,sender,activity,count" > activity
  first = mktime("2026 01 05 12 00 00")
  for (s = 1; s <= senders; s++) {
    sender = sprintf("h%03d", s)
    for (a = 1; a <= 3; a++) { eta[a] = normal() }
    for (p = 1; p <= 4; p++) { level[p] = starts[p]; noise[p] = 0.05 * normal() }
    delete posts
    for (t = 0; t < days; t++) {
      day = strftime("%Y-%m-%d", first + 86400 * t, 1)
      for (a = 1; a <= 3; a++) {
        if (t > 0) { eta[a] = phi_x * eta[a] + sqrt(1 - phi_x * phi_x) * normal() }
        count = poisson(means[a] * exp(eta[a] - 0.5))
        if (a == 1) { posts[t] = count }
        if (count > 0) { print day "," sender "," names[a] "," count > activity }
      }
      line = day "," sender
      for (p = 1; p <= 4; p++) {
        if (t > 0) {
          noise[p] = phi_y * noise[p] + sqrt(1 - phi_y * phi_y) * 0.05 * normal()
          level[p] += 0.002 + noise[p] + (p == 1 && t >= 2 ? effect * posts[t - 2] : 0)
          level[p] = level[p] < 0 ? 0 : level[p] > 25 ? 25 : level[p]
        }
        line = line "," sprintf("%.2f", level[p])
      }
      print line > ssi
    }
  }
}
