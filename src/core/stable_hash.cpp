#include "core/stable_hash.hpp"

namespace campaign::core {

namespace {

constexpr std::uint64_t k_offset_basis = 14695981039346656037ULL;
constexpr std::uint64_t k_prime = 1099511628211ULL;

// FNV-1a alone mixes its last bytes poorly into the high bits; this finalizer (from SplitMix64) spreads them.
std::uint64_t finalize(std::uint64_t hash) {
    hash ^= hash >> 30;
    hash *= 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 27;
    hash *= 0x94d049bb133111ebULL;
    hash ^= hash >> 31;
    return hash;
}

} // namespace

std::uint64_t stable_hash(std::initializer_list<std::string_view> parts) {
    std::uint64_t hash = k_offset_basis;
    for (auto part : parts) {
        for (unsigned char byte : part) {
            hash = (hash ^ byte) * k_prime;
        }
        hash = (hash ^ 0x1fU) * k_prime; // unit separator
    }
    return finalize(hash);
}

double unit_interval(std::uint64_t hash) {
    return static_cast<double>(hash >> 11) * 0x1.0p-53;
}

} // namespace campaign::core
