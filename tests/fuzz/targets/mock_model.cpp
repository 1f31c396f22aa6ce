// A model file of the mock transport, as `campaign run --model FILE` loads it.
#include "config/mock_model_loader.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(mock_model) {
    using namespace campaign;
    auto loaded = config::load_mock_model(fuzz::scratch().write("model.yaml", input));
    return loaded.model ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
}
