// The test suite's gateway (tests/support/fake_gateway.hpp) as a process of its own, for benchmarks of live runs: it
// performs each idempotency key once and accepts every invitation at once. It writes its URL to URL_FILE, serves until
// SIGTERM or SIGINT, then prints how many actions it performed and how many keys it saw performed twice (none).
//
//   test_gateway KEY URL_FILE
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <unistd.h>

#include "support/fake_gateway.hpp"

namespace {

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int) {
    stop_requested = 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: test_gateway KEY URL_FILE\n");
        return 2;
    }
    std::signal(SIGTERM, request_stop);
    std::signal(SIGINT, request_stop);
    campaign::testing::FakeGateway gateway(argv[1]);
    gateway.accept_invitations_after(std::chrono::seconds{0});
    {
        std::ofstream url(argv[2]);
        url << gateway.url() << '\n';
    }
    while (!stop_requested) {
        ::usleep(100000);
    }
    std::map<std::string, int> per_key;
    int twice = 0;
    for (const auto& action : gateway.performed()) {
        twice += ++per_key[action.key] == 2 ? 1 : 0;
    }
    std::printf("performed %zu actions, %d keys twice\n", gateway.performed().size(), twice);
    return twice == 0 ? 0 : 1;
}
